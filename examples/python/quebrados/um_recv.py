"""Servidor quebrado: trata cada recv(2048) como uma mensagem inteira.

Erro comum: pedido = json.loads(conn.recv(2048)). Funciona com pedidos
pequenos, um de cada vez; um pedido maior chega em pedaços, e o primeiro
pedaço sozinho não é JSON.
lojinha-check falha em: big-product.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "v5"))
import servidor as v5  # noqa: E402


class UmRecv(v5.Atendimento):
    def linhas(self):
        while True:
            dados = self.conn.recv(2048)  # um recv só: pode ser meio pedido!
            if not dados:
                return
            yield dados.strip()


if __name__ == "__main__":
    v5.main(classe=UmRecv)
