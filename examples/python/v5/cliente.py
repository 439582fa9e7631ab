"""Versão 5.0 — cliente: o menu da versão 4, lendo as respostas direito.

receber() junta os pedaços de cada recv(2048) até achar o \\n, como o
receberLista da aula: uma lista grande não cabe num recv só. E, como o
servidor agora avisa das mudanças feitas por outros clientes, uma linha
que chega pode ser um aviso (sem "id") em vez da resposta: mostramos o
aviso e continuamos esperando a resposta.

Funciona com o servidor da versão 5 e com o lojinha-server.
Execute:   python3 cliente.py [HOST] [PORTA]
"""
import json
import socket
import sys


class Cliente:
    def __init__(self, host, porta):
        self.sock = socket.create_connection((host, porta))
        self.dados = b""  # bytes recebidos que ainda não formam uma linha
        self.id = 0
        welcome = self.receber()
        print("Conectado a", welcome["params"]["server"])

    def receber(self):
        """A próxima mensagem: lê pedaços até ter uma linha inteira."""
        while b"\n" not in self.dados:
            pedaco = self.sock.recv(2048)
            if not pedaco:
                raise ConnectionError("o servidor fechou a conexão")
            self.dados += pedaco
        linha, self.dados = self.dados.split(b"\n", 1)
        return json.loads(linha.decode("utf-8"))

    def chamar(self, metodo, params=None):
        """Envia um pedido e devolve a resposta; mostra os avisos que chegarem antes."""
        self.id += 1
        pedido = {"jsonrpc": "2.0", "id": self.id, "method": metodo}
        if params is not None:
            pedido["params"] = params
        self.sock.sendall((json.dumps(pedido) + "\n").encode("utf-8"))
        while True:
            mensagem = self.receber()
            if "id" in mensagem:
                return mensagem
            mostrar_aviso(mensagem)

    def adicionar(self, produto):
        return self.chamar("product.add", {"product": produto})

    def listar(self):
        return self.chamar("product.list", {})["result"]["products"]

    def sair(self):
        self.chamar("quit")
        self.sock.close()


def mostrar_aviso(mensagem):
    params = mensagem.get("params", {})
    produto = params.get("product", {})
    print("(aviso: {} {})".format(mensagem.get("method"), produto.get("code", params.get("code", ""))))


def mostrar(produto):
    preco = "{},{:02d}".format(produto["price_cents"] // 100, produto["price_cents"] % 100)
    print("{:12} {:30} R$ {:>10} {:>6}".format(produto["code"], produto["name"], preco, produto["quantity"]))


def mostrar_resposta(resposta):
    if "error" in resposta:
        print("Erro {}: {}".format(resposta["error"]["code"], resposta["error"]["message"]))
    else:
        mostrar(resposta["result"])


def ler_produto():
    codigo = input("Código: ")
    nome = input("Nome: ")
    preco = input("Preço (ex.: 2,50): ").replace(",", ".")
    quantidade = input("Quantidade: ")
    return {"code": codigo, "name": nome, "price_cents": round(float(preco) * 100), "quantity": int(quantidade)}


def menu(cliente, opcoes):
    """Lê opções até 0 (ou até a entrada acabar) e executa cada uma."""
    while True:
        try:
            opcao = input(" | ".join("{} {}".format(k, v[0]) for k, v in opcoes.items()) + " | 0 sair: ").strip()
        except EOFError:
            opcao = "0"
        if opcao == "0":
            cliente.sair()
            return
        if opcao in opcoes:
            opcoes[opcao][1](cliente)


OPCOES = {
    "1": ("adicionar", lambda c: mostrar_resposta(c.adicionar(ler_produto()))),
    "2": ("listar", lambda c: [mostrar(p) for p in c.listar()]),
}

if __name__ == "__main__":
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    porta = int(sys.argv[2]) if len(sys.argv) > 2 else 5050
    menu(Cliente(host, porta), OPCOES)
    print("Fim do cliente.")
