"""Versão 3.0 — servidor: recebe um objeto (um produto) do cliente e o
devolve como confirmação.

Na aula original esta versão usava pickle. Aqui o objeto viaja como JSON:
pickle só fala com Python, e carregar pickle vindo da rede é perigoso (pode
executar código). JSON é texto que qualquer linguagem lê.

Execute:   python3 servidor.py [PORTA]
"""
import json
import socket
import sys

HOST = "127.0.0.1"
PORTA = int(sys.argv[1]) if len(sys.argv) > 1 else 5050


def enviar(conn, mensagem):
    conn.sendall((json.dumps(mensagem) + "\n").encode("utf-8"))


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as servidor:
    servidor.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    servidor.bind((HOST, PORTA))
    servidor.listen()
    print("Servidor ouvindo em {}:{}".format(*servidor.getsockname()), flush=True)
    conn, endereco = servidor.accept()
    with conn:
        welcome = {"server": "lojinha-py/3", "protocol": 1, "session": 1}
        enviar(conn, {"jsonrpc": "2.0", "method": "welcome", "params": welcome})
        pedido = json.loads(conn.recv(2048).decode("utf-8"))
        # O pedido é {"method": "product.add", "params": {"product": {...}}}:
        # o objeto é um dict com code, name, price_cents e quantity.
        produto = pedido["params"]["product"]
        print("Recebi o produto:", produto["code"], produto["name"], flush=True)
        enviar(conn, {"jsonrpc": "2.0", "id": pedido["id"], "result": produto})
print("Fim do servidor.")
