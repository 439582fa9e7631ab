"""Exercício — o cliente da versão 5 com a opção "buscar": envia o código
de um produto e mostra o que o servidor encontrou no banco (ou o erro 1001,
"não encontrado").

Funciona com exercicio/servidor.py, v5/servidor.py e o lojinha-server.
Execute:   python3 cliente.py [HOST] [PORTA]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "v5"))
import cliente as v5  # noqa: E402


def buscar(cliente):
    """O método novo: product.get com o código digitado."""
    codigo = input("Código: ").strip()
    resposta = cliente.chamar("product.get", {"code": codigo})
    if resposta.get("error", {}).get("code") == 1001:
        print("Não encontrado:", codigo)
    else:
        v5.mostrar_resposta(resposta)


OPCOES = dict(v5.OPCOES, **{"3": ("buscar", buscar)})

if __name__ == "__main__":
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    porta = int(sys.argv[2]) if len(sys.argv) > 2 else 5050
    v5.menu(v5.Cliente(host, porta), OPCOES)
    print("Fim do cliente.")
