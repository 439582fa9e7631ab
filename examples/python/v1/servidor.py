"""Versão 1.0 — servidor: abre uma porta, espera UM cliente, avisa que ele
chegou e termina.

Execute:   python3 servidor.py [PORTA]        (padrão: 5050)
Depois, em outro terminal:   python3 cliente.py [HOST] [PORTA]
"""
import socket
import sys

HOST = "127.0.0.1"  # o próprio computador (localhost)
PORTA = int(sys.argv[1]) if len(sys.argv) > 1 else 5050

# AF_INET: endereços IPv4.  SOCK_STREAM: TCP (bytes em ordem, sem perdas).
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as servidor:
    # Permite reabrir a mesma porta logo depois de fechar o servidor.
    servidor.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    servidor.bind((HOST, PORTA))  # 1. abrir a porta
    servidor.listen()  # 2. esperar conexões
    print("Servidor ouvindo em {}:{}".format(*servidor.getsockname()), flush=True)
    conn, endereco = servidor.accept()  # 3. aceitar: bloqueia até um cliente chegar
    with conn:  # 5. o "with" fecha a conexão no fim
        print("Um cliente se conectou, vindo de", endereco, flush=True)
print("Fim do servidor.")
