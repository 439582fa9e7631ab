"""Servidor quebrado: atende um cliente de cada vez (sem threads).

Erro comum: chamar o atendimento direto no laço do accept, como na
versão 4. Enquanto um cliente está conectado, o próximo espera na fila.
lojinha-check falha em: two-clients.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "v5"))
import servidor as v5  # noqa: E402

if __name__ == "__main__":
    v5.main(em_threads=False)  # run() em vez de start(): sem thread
