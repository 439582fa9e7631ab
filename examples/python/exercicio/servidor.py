"""Exercício — o servidor da versão 5 com os produtos num banco de dados.

"O cliente envia o código de um produto ao servidor. O servidor consulta o
banco de dados e retorna as informações desse produto (caso ele exista)."

O servidor da versão 5 já sabe responder product.get (e o erro 1001 quando
o código não existe); aqui só trocamos o lugar onde os produtos moram: em
vez de um dict na memória, uma tabela SQLite (o módulo sqlite3 vem com o
Python; a aula usava TinyDB, que é preciso instalar). Os produtos
sobrevivem quando o servidor é fechado e aberto de novo.

Execute:   python3 servidor.py [PORTA] [ARQUIVO]     (padrão: 5050 catalogo.db)
"""
import os
import sqlite3
import sys

# Usa o servidor da versão 5, que está na pasta ao lado.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "v5"))
import servidor as v5  # noqa: E402

CAMPOS = ("code", "name", "price_cents", "quantity")


class CatalogoSqlite:
    """Os mesmos métodos do Catalogo da versão 5, numa tabela SQLite.
    O servidor chama estes métodos segurando a sua trava, então uma só
    thread usa o banco de cada vez (por isso check_same_thread=False)."""

    def __init__(self, arquivo):
        self.banco = sqlite3.connect(arquivo, check_same_thread=False)
        self.banco.execute(
            "CREATE TABLE IF NOT EXISTS produtos ("
            " code TEXT PRIMARY KEY, name TEXT NOT NULL,"
            " price_cents INTEGER NOT NULL, quantity INTEGER NOT NULL)"
        )

    def buscar(self, codigo):
        """A consulta do exercício: o produto com este código, ou None."""
        linha = self.banco.execute("SELECT code, name, price_cents, quantity FROM produtos WHERE code = ?", (codigo,)).fetchone()
        return dict(zip(CAMPOS, linha)) if linha else None

    def adicionar(self, produto):
        try:
            with self.banco:  # "with": confirma (commit) no fim, ou desfaz num erro
                self.banco.execute("INSERT INTO produtos VALUES (?, ?, ?, ?)", [produto[c] for c in CAMPOS])
        except sqlite3.IntegrityError:  # a chave (code) já existe
            raise v5.ErroProtocolo(1002, "product already exists", {"code": produto["code"]})

    def atualizar(self, produto):
        with self.banco:
            mudou = self.banco.execute(
                "UPDATE produtos SET name = ?, price_cents = ?, quantity = ? WHERE code = ?",
                (produto["name"], produto["price_cents"], produto["quantity"], produto["code"]),
            ).rowcount
        if mudou == 0:
            raise v5.nao_encontrado(produto["code"])

    def remover(self, codigo):
        with self.banco:
            removidos = self.banco.execute("DELETE FROM produtos WHERE code = ?", (codigo,)).rowcount
        if removidos == 0:
            raise v5.nao_encontrado(codigo)

    def todos(self):
        linhas = self.banco.execute("SELECT code, name, price_cents, quantity FROM produtos ORDER BY code")
        return [dict(zip(CAMPOS, linha)) for linha in linhas]


if __name__ == "__main__":
    arquivo = sys.argv[2] if len(sys.argv) > 2 else "catalogo.db"
    v5.main(catalogo=CatalogoSqlite(arquivo))
