"""Versão 3.0 — cliente: envia um produto (um objeto) ao servidor e mostra
o que ele devolveu. Funciona também com o lojinha-server (que guarda o
produto: rodar duas vezes dá o erro 1002, "já existe").

Execute:   python3 cliente.py [HOST] [PORTA]
"""
import json
import socket
import sys

HOST = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
PORTA = int(sys.argv[2]) if len(sys.argv) > 2 else 5050

# O preço vai em centavos, um número inteiro: 2.50 em float não é exato.
produto = {"code": "CAN-001", "name": "Caneta azul", "price_cents": 250, "quantity": 40}

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as cliente:
    cliente.connect((HOST, PORTA))
    welcome = json.loads(cliente.recv(2048).decode("utf-8"))
    print("Conectado a", welcome["params"]["server"])
    pedido = {"jsonrpc": "2.0", "id": 1, "method": "product.add", "params": {"product": produto}}
    cliente.sendall((json.dumps(pedido) + "\n").encode("utf-8"))
    resposta = json.loads(cliente.recv(2048).decode("utf-8"))
    if "error" in resposta:
        print("Erro", resposta["error"]["code"], resposta["error"]["message"])
    else:
        print("O servidor guardou:", resposta["result"])
print("Fim do cliente.")
