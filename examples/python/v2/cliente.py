"""Versão 2.0 — cliente: lê a mensagem do servidor, apresenta-se (hello),
lê a resposta e termina. Funciona também com o lojinha-server.

Execute:   python3 cliente.py [HOST] [PORTA]
"""
import json
import socket
import sys

HOST = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
PORTA = int(sys.argv[2]) if len(sys.argv) > 2 else 5050

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as cliente:
    cliente.connect((HOST, PORTA))
    # 1. O servidor fala primeiro: esperamos a mensagem dele.
    #    (Um recv basta para uma mensagem pequena; veja a versão 5.)
    welcome = json.loads(cliente.recv(2048).decode("utf-8"))
    print("O servidor disse:", welcome)
    # 2. Agora é a nossa vez: um pedido JSON-RPC, numa linha terminada em \n.
    pedido = {"jsonrpc": "2.0", "id": 1, "method": "hello", "params": {"client": "Python v2"}}
    cliente.sendall((json.dumps(pedido) + "\n").encode("utf-8"))
    resposta = json.loads(cliente.recv(2048).decode("utf-8"))
    print("Resposta:", resposta["result"])
print("Fim do cliente.")
