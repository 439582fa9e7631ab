"""Versão 4.0 — servidor: guarda produtos numa lista e atende UM cliente,
pedido após pedido, até ele pedir para terminar (quit).

O servidor pode fazer 3 coisas:
  - product.add:  recebe um produto e o guarda na lista;
  - product.list: devolve a lista com todos os produtos;
  - quit:         termina.
Note que, enquanto atende este cliente, o servidor não aceita nenhum outro
(veja a versão 5).

Execute:   python3 servidor.py [PORTA]
"""
import json
import socket
import sys

HOST = "127.0.0.1"
PORTA = int(sys.argv[1]) if len(sys.argv) > 1 else 5050

produtos = []  # a "base de dados": uma lista na memória


def enviar(conn, mensagem):
    conn.sendall((json.dumps(mensagem) + "\n").encode("utf-8"))


def executar(pedido):
    """Executa um pedido; devolve a resposta (um dict com result ou error)."""
    metodo, params = pedido.get("method"), pedido.get("params") or {}
    resposta = {"jsonrpc": "2.0", "id": pedido.get("id")}
    if metodo == "product.add":
        produtos.append(params["product"])
        resposta["result"] = params["product"]
    elif metodo == "product.list":
        lista = sorted(produtos, key=lambda p: p["code"])
        resposta["result"] = {"products": lista, "next": None, "total": len(lista)}
    elif metodo == "quit":
        resposta["result"] = {"bye": True}
    else:
        resposta["error"] = {"code": -32601, "message": "method not found"}
    return resposta


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as servidor:
    servidor.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    servidor.bind((HOST, PORTA))
    servidor.listen()
    print("Servidor ouvindo em {}:{}".format(*servidor.getsockname()), flush=True)
    conn, endereco = servidor.accept()
    with conn:
        welcome = {"server": "lojinha-py/4", "protocol": 1, "session": 1}
        enviar(conn, {"jsonrpc": "2.0", "method": "welcome", "params": welcome})
        while True:
            # ATENÇÃO: um recv(2048) só funciona se cada pedido chegar inteiro
            # e sozinho. Um pedido maior que 2048 bytes chega em pedaços, e
            # dois pedidos seguidos podem chegar juntos. A versão 5 corrige.
            dados = conn.recv(2048)
            if not dados:  # o cliente fechou a conexão
                break
            pedido = json.loads(dados.decode("utf-8"))
            enviar(conn, executar(pedido))
            if pedido.get("method") == "quit":
                break
print("Fim do servidor.")
