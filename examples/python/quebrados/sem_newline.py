"""Servidor quebrado: esquece o \\n no fim de cada mensagem.

Erro comum: conn.sendall(json.dumps(mensagem).encode()) sem o + "\\n".
O cliente lê até o \\n para saber onde a mensagem acaba, e fica esperando.
lojinha-check falha em: welcome (o welcome já chega sem \\n).
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "v5"))
import servidor as v5  # noqa: E402


class SemNewline(v5.Atendimento):
    def enviar(self, mensagem):
        self.conn.sendall(json.dumps(mensagem).encode("utf-8"))  # falta o "\n"!


if __name__ == "__main__":
    v5.main(classe=SemNewline)
