"""Versão 1.0 — cliente: conecta ao servidor e termina.

Execute:   python3 cliente.py [HOST] [PORTA]     (padrão: 127.0.0.1 5050)
Tente executar o cliente sem o servidor... o que acontece?
"""
import socket
import sys

HOST = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
PORTA = int(sys.argv[2]) if len(sys.argv) > 2 else 5050

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as cliente:
    # Sem servidor, connect lança ConnectionRefusedError: ninguém escuta na porta.
    cliente.connect((HOST, PORTA))
    print("Conectado a {}:{}".format(HOST, PORTA))
print("Fim do cliente.")
