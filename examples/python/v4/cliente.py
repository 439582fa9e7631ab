"""Versão 4.0 — cliente com menu: adicionar, listar, terminar.
Funciona também com o lojinha-server.

Execute:   python3 cliente.py [HOST] [PORTA]
"""
import json
import socket
import sys

HOST = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
PORTA = int(sys.argv[2]) if len(sys.argv) > 2 else 5050


def chamar(sock, id, metodo, params=None):
    """Envia um pedido e devolve a resposta (um recv: veja a versão 5)."""
    pedido = {"jsonrpc": "2.0", "id": id, "method": metodo}
    if params is not None:
        pedido["params"] = params
    sock.sendall((json.dumps(pedido) + "\n").encode("utf-8"))
    return json.loads(sock.recv(2048).decode("utf-8"))


def ler_produto():
    codigo = input("Código: ")
    nome = input("Nome: ")
    preco = input("Preço (ex.: 2,50): ").replace(",", ".")
    quantidade = input("Quantidade: ")
    return {"code": codigo, "name": nome, "price_cents": round(float(preco) * 100), "quantity": int(quantidade)}


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
    sock.connect((HOST, PORTA))
    json.loads(sock.recv(2048).decode("utf-8"))  # o welcome
    id = 0
    while True:
        opcao = input("1 adicionar, 2 listar, 0 terminar: ").strip()
        id += 1
        if opcao == "1":
            resposta = chamar(sock, id, "product.add", {"product": ler_produto()})
            print(resposta.get("result") or resposta.get("error"))
        elif opcao == "2":
            for p in chamar(sock, id, "product.list", {})["result"]["products"]:
                print("{code:10} {name:30} {price_cents:>8} {quantity:>5}".format(**p))
        elif opcao == "0":
            chamar(sock, id, "quit")
            break
print("Fim do cliente.")
