"""Versão 2.0 — servidor: fala primeiro (welcome), espera UMA mensagem do
cliente, responde e termina.

Acabamos de definir um protocolo:
  1. o servidor envia uma mensagem (e o cliente espera por ela);
  2. o cliente envia uma mensagem (e o servidor espera por ela);
  3. a comunicação termina.
As mensagens são JSON, uma por linha: cada uma termina com "\\n", e é
assim que o outro lado sabe onde ela acaba (o TCP só entrega bytes).

Execute:   python3 servidor.py [PORTA]
"""
import json
import socket
import sys

HOST = "127.0.0.1"
PORTA = int(sys.argv[1]) if len(sys.argv) > 1 else 5050


def enviar(conn, mensagem):
    """Envia um dict como uma linha de JSON (texto UTF-8 terminado em \\n)."""
    conn.sendall((json.dumps(mensagem) + "\n").encode("utf-8"))


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as servidor:
    servidor.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    servidor.bind((HOST, PORTA))
    servidor.listen()
    print("Servidor ouvindo em {}:{}".format(*servidor.getsockname()), flush=True)
    conn, endereco = servidor.accept()
    with conn:
        # 1. O servidor fala primeiro: uma notificação "welcome" (não tem "id").
        welcome = {"server": "lojinha-py/2", "protocol": 1, "session": 1}
        enviar(conn, {"jsonrpc": "2.0", "method": "welcome", "params": welcome})
        # 2. Espera a mensagem do cliente. Um recv basta aqui porque a mensagem
        #    é pequena; a versão 5 mostra como ler direito (até o \n).
        dados = conn.recv(2048)
        pedido = json.loads(dados.decode("utf-8"))
        print("O cliente disse:", pedido, flush=True)
        # 3. Responde com o mesmo "id" do pedido: é assim que o cliente sabe a
        #    que pedido é esta resposta.
        resposta = {"session": 1, "server": "lojinha-py/2"}
        enviar(conn, {"jsonrpc": "2.0", "id": pedido["id"], "result": resposta})
print("Fim do servidor.")
