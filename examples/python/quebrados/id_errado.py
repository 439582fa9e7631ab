"""Servidor quebrado: responde com o id errado.

Erro comum: numerar as respostas com um contador do servidor em vez de
copiar o "id" do pedido. O cliente não sabe a que pedido cada resposta é.
lojinha-check falha em: json-lines.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "v5"))
import servidor as v5  # noqa: E402


class IdErrado(v5.Atendimento):
    contador = 0

    def executar(self, pedido):
        resposta = v5.Atendimento.executar(self, pedido)
        if resposta is not None:
            IdErrado.contador += 1
            resposta["id"] = IdErrado.contador  # devia ser pedido["id"]!
        return resposta


if __name__ == "__main__":
    v5.main(classe=IdErrado)
