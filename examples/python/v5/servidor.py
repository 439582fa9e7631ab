"""Versão 5.0 — servidor concorrente: uma Thread por cliente.

Na versão 4, enquanto um cliente era atendido, nenhum outro entrava. Aqui o
laço principal só aceita conexões; cada cliente aceito ganha uma Thread
(a classe Atendimento) que o atende do começo ao fim. Assim vários clientes
são atendidos ao mesmo tempo.

Três cuidados que a versão 4 não tinha:
  1. Ler até o \\n: um pedido pode chegar em pedaços (mais de 2048 bytes) e
     dois pedidos podem chegar juntos num só recv. Juntamos os pedaços num
     buffer e tiramos dele uma linha de cada vez (Atendimento.linhas).
  2. Dados compartilhados: os produtos e a lista de clientes são usados por
     várias threads, então só mexemos neles segurando uma trava (Lock).
  3. Erros do protocolo: JSON inválido (-32700), método desconhecido
     (-32601), parâmetros inválidos (-32602), produto não encontrado (1001).
     Um erro é respondido, e a conexão continua.
E quando um cliente muda o catálogo, os outros recebem uma notificação
(product.added, product.updated, product.deleted).

Execute:   python3 servidor.py [PORTA]      (PORTA 0: o sistema escolhe uma)
Verifique: lojinha-check 127.0.0.1:PORTA
"""
import json
import re
import socket
import sys
import threading

HOST = "127.0.0.1"
NOME = "lojinha-py/5"
LIMITE_LINHA = 1024 * 1024  # o maior pedido aceito (1 MiB), como no protocolo


class ErroProtocolo(Exception):
    """Um erro JSON-RPC: vira a resposta {"error": {...}} do pedido."""

    def __init__(self, codigo, mensagem, dados=None):
        super().__init__(mensagem)
        self.erro = {"code": codigo, "message": mensagem}
        if dados is not None:
            self.erro["data"] = dados


def nao_encontrado(codigo):
    return ErroProtocolo(1001, "product not found", {"code": codigo})


class Catalogo:
    """Os produtos, num dict na memória (código -> produto).
    O exercício troca esta classe por um banco de dados (exercicio/servidor.py)."""

    def __init__(self):
        self.produtos = {}

    def adicionar(self, produto):
        if produto["code"] in self.produtos:
            raise ErroProtocolo(1002, "product already exists", {"code": produto["code"]})
        self.produtos[produto["code"]] = produto

    def buscar(self, codigo):
        """O produto com este código, ou None."""
        return self.produtos.get(codigo)

    def atualizar(self, produto):
        if produto["code"] not in self.produtos:
            raise nao_encontrado(produto["code"])
        self.produtos[produto["code"]] = produto

    def remover(self, codigo):
        if self.produtos.pop(codigo, None) is None:
            raise nao_encontrado(codigo)

    def todos(self):
        """Todos os produtos, em ordem de código."""
        return [self.produtos[c] for c in sorted(self.produtos)]


# --- validação: as regras do protocolo para um produto ---------------------

CODIGO = re.compile(r"[A-Za-z0-9._-]{1,32}")


def invalido(campo, motivo):
    return ErroProtocolo(-32602, "invalid params", {"field": campo, "reason": motivo})


def validar_codigo(codigo, campo="code"):
    if not isinstance(codigo, str) or not CODIGO.fullmatch(codigo):
        raise invalido(campo, "1 to 32 characters from A-Z a-z 0-9 . _ -")
    return codigo


def inteiro(valor, campo, maximo):
    # bool é um int em Python (True == 1), mas não é um número no JSON.
    if not isinstance(valor, int) or isinstance(valor, bool) or not 0 <= valor <= maximo:
        raise invalido(campo, "an integer from 0 to {}".format(maximo))
    return valor


def validar_produto(produto):
    """O produto como será guardado, ou ErroProtocolo(-32602)."""
    if not isinstance(produto, dict):
        raise invalido("product", "must be an object")
    for campo in produto:
        if campo not in ("code", "name", "price_cents", "quantity", "version"):
            raise invalido(campo, "unknown field")
    nome = produto.get("name")
    nome = nome.strip() if isinstance(nome, str) else ""
    if not 1 <= len(nome) <= 200 or any(ord(c) < 32 or 127 <= ord(c) < 160 for c in nome):
        raise invalido("name", "1 to 200 characters, no control characters")
    return {
        "code": validar_codigo(produto.get("code")),
        "name": nome,
        "price_cents": inteiro(produto.get("price_cents"), "price_cents", 10**12),
        "quantity": inteiro(produto.get("quantity", 0), "quantity", 10**9),
    }


def parametros(params, nomes):
    """Os parâmetros por nome ({"code": ...}) ou por posição (["CAN-001"])."""
    if params is None:
        return {}
    if isinstance(params, list):
        return dict(zip(nomes, params))
    return params


# --- o servidor ---------------------------------------------------------------

class Servidor:
    """O que as threads compartilham: o catálogo, os clientes conectados e a trava."""

    def __init__(self, catalogo):
        self.catalogo = catalogo
        self.clientes = []  # os Atendimentos abertos, para as notificações
        self.trava = threading.Lock()
        self.sessoes = 0

    def nova_sessao(self, atendimento):
        with self.trava:
            self.sessoes += 1
            self.clientes.append(atendimento)
            return self.sessoes

    def saiu(self, atendimento):
        with self.trava:
            self.clientes.remove(atendimento)

    def mudou(self, autor, metodo, params):
        """Avisa todos os outros clientes de uma mudança (chamado com a trava)."""
        for outro in self.clientes:
            if outro is not autor:
                outro.enviar({"jsonrpc": "2.0", "method": metodo, "params": params})


class Atendimento(threading.Thread):
    """Atende um cliente, numa thread só dele (a ServerWork da aula)."""

    def __init__(self, servidor, conn):
        threading.Thread.__init__(self, daemon=True)
        self.servidor = servidor
        self.conn = conn
        self.trava_envio = threading.Lock()  # a thread de outro cliente também nos envia avisos

    def enviar(self, mensagem):
        """Uma mensagem, numa linha de JSON terminada em \\n."""
        dados = (json.dumps(mensagem) + "\n").encode("utf-8")
        with self.trava_envio:
            try:
                self.conn.sendall(dados)
            except OSError:
                pass  # o cliente já foi embora; a thread dele vai encerrar

    def linhas(self):
        """As linhas que o cliente envia, uma de cada vez: juntamos os pedaços
        de cada recv até achar um \\n (o laço de 2048 bytes da aula, feito certo)."""
        dados = b""
        while True:
            pedaco = self.conn.recv(2048)
            if not pedaco:  # o cliente fechou a conexão
                return
            dados += pedaco
            while b"\n" in dados:
                linha, dados = dados.split(b"\n", 1)
                yield linha
            if len(dados) > LIMITE_LINHA:
                self.enviar(resposta_erro(None, ErroProtocolo(-32600, "frame too large")))
                return

    def run(self):
        sessao = self.servidor.nova_sessao(self)
        try:
            welcome = {"server": NOME, "protocol": 1, "session": sessao}
            self.enviar({"jsonrpc": "2.0", "method": "welcome", "params": welcome})
            for linha in self.linhas():
                if linha.strip() and not self.responder(linha):
                    break  # quit
        except OSError:
            pass  # conexão perdida
        finally:
            self.servidor.saiu(self)
            self.conn.close()

    def responder(self, linha):
        """Responde uma linha; devolve False depois de um quit."""
        try:
            mensagem = json.loads(linha.decode("utf-8"))
        except ValueError:  # JSON inválido (ou bytes que não são UTF-8)
            self.enviar(resposta_erro(None, ErroProtocolo(-32700, "parse error")))
            return True
        if isinstance(mensagem, list):  # um lote (batch) de pedidos
            return self.responder_lote(mensagem)
        resposta = self.executar(mensagem)
        if resposta is not None:
            self.enviar(resposta)
        return not eh_quit(mensagem)

    def responder_lote(self, lote):
        if not lote:
            self.enviar(resposta_erro(None, ErroProtocolo(-32600, "invalid request")))
            return True
        respostas = [r for r in map(self.executar, lote) if r is not None]
        if respostas:
            self.enviar(respostas)
        return not any(eh_quit(m) for m in lote)

    def executar(self, pedido):
        """A resposta a um pedido (None para uma notificação, que não tem id)."""
        id = pedido.get("id") if isinstance(pedido, dict) else None
        if not isinstance(id, (str, int)) or isinstance(id, bool):
            id = None
        valido = isinstance(pedido, dict) and pedido.get("jsonrpc") == "2.0" and isinstance(pedido.get("method"), str)
        if not valido:
            return resposta_erro(id, ErroProtocolo(-32600, "invalid request"))
        notificacao = "id" not in pedido  # sem id: ninguém espera resposta
        try:
            resultado = self.metodo(pedido["method"], pedido.get("params"))
        except ErroProtocolo as erro:
            return None if notificacao else resposta_erro(id, erro)
        return None if notificacao else {"jsonrpc": "2.0", "id": id, "result": resultado}

    def metodo(self, nome, params):
        """Executa o método `nome`; devolve o result ou lança ErroProtocolo."""
        if params is not None and not isinstance(params, (dict, list)):
            raise ErroProtocolo(-32600, "invalid request")
        servidor, catalogo = self.servidor, self.servidor.catalogo
        if nome == "product.add":
            produto = validar_produto(parametros(params, ["product"]).get("product"))
            with servidor.trava:
                catalogo.adicionar(produto)
                servidor.mudou(self, "product.added", {"product": produto})
            return produto
        if nome == "product.get":
            codigo = validar_codigo(parametros(params, ["code"]).get("code"))
            with servidor.trava:
                produto = catalogo.buscar(codigo)
            if produto is None:
                raise nao_encontrado(codigo)
            return produto
        if nome == "product.list":
            return self.listar(parametros(params, ["after", "limit"]))
        if nome == "product.update":
            produto = validar_produto(parametros(params, ["product"]).get("product"))
            with servidor.trava:
                catalogo.atualizar(produto)
                servidor.mudou(self, "product.updated", {"product": produto})
            return produto
        if nome == "product.delete":
            codigo = validar_codigo(parametros(params, ["code"]).get("code"))
            with servidor.trava:
                catalogo.remover(codigo)
                servidor.mudou(self, "product.deleted", {"code": codigo})
            return {"deleted": codigo}
        if nome == "hello":
            return {"session": servidor.sessoes, "server": NOME}
        if nome == "ping":
            return {"pong": True}
        if nome == "quit":
            return {"bye": True}
        raise ErroProtocolo(-32601, "method not found")

    def listar(self, params):
        """Uma página da lista, em ordem de código, depois de `after`."""
        depois = params.get("after")
        limite = params.get("limit", 1000)
        if not isinstance(limite, int) or isinstance(limite, bool) or not 1 <= limite <= 10000:
            raise invalido("limit", "an integer from 1 to 10000")
        with self.servidor.trava:
            todos = self.servidor.catalogo.todos()
        depois_de = [p for p in todos if depois is None or p["code"] > depois]
        pagina = depois_de[:limite]
        proximo = pagina[-1]["code"] if len(depois_de) > limite else None
        return {"products": pagina, "next": proximo, "total": len(todos)}


def eh_quit(mensagem):
    return isinstance(mensagem, dict) and mensagem.get("method") == "quit"


def resposta_erro(id, erro):
    return {"jsonrpc": "2.0", "id": id, "error": erro.erro}


def main(catalogo=None, classe=Atendimento, em_threads=True):
    """Abre a porta e aceita clientes para sempre (Ctrl-C termina).
    `classe` e `em_threads` existem para as versões quebradas (pasta quebrados/)."""
    porta = int(sys.argv[1]) if len(sys.argv) > 1 else 5050
    servidor = Servidor(catalogo if catalogo is not None else Catalogo())
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, porta))
        sock.listen()
        print("Servidor ouvindo em {}:{}".format(*sock.getsockname()), flush=True)
        try:
            while True:
                conn, endereco = sock.accept()
                atendimento = classe(servidor, conn)
                if em_threads:
                    atendimento.start()  # cada cliente na sua thread; voltamos ao accept
                else:
                    atendimento.run()  # um cliente de cada vez (o erro da versão 4)
        except KeyboardInterrupt:
            print("Fim do servidor.")


if __name__ == "__main__":
    main()
