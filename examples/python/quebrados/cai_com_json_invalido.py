"""Servidor quebrado: cai (a thread do cliente morre) com JSON inválido.

Erro comum: json.loads(linha) sem try/except. A exceção encerra a thread
e a conexão é fechada; o cliente nunca recebe o erro -32700.
lojinha-check falha em: parse-error.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "v5"))
import servidor as v5  # noqa: E402


class CaiComJsonInvalido(v5.Atendimento):
    def responder(self, linha):
        mensagem = json.loads(linha.decode("utf-8"))  # sem try: ValueError derruba a thread
        resposta = self.executar(mensagem)
        if resposta is not None:
            self.enviar(resposta)
        return not v5.eh_quit(mensagem)


if __name__ == "__main__":
    v5.main(classe=CaiComJsonInvalido)
