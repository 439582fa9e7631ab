//! The lesson's texts. Short sentences for students; the Portuguese is
//! written for Brazil, not translated word by word.

use super::{LessonAction, LessonStep, Localized, StepId};

const fn text(en: &'static str, pt_br: &'static str) -> Localized {
    Localized { en, pt_br }
}

pub const STEPS: [LessonStep; 10] = [
    LessonStep {
        id: StepId::Intro,
        title: text("Sockets: addresses and ports", "Sockets: endereços e portas"),
        explanation: text(
            "A socket is one end of a conversation between two programs. To find the other end you need \
             two numbers. The IP address names the machine: 127.0.0.1 is always your own computer. The \
             port, from 0 to 65535, names the program on that machine. The Lojinha server listens on \
             {addr}.\n\nOnly one server can use a port at a time. If two students in the lab \
             choose the same port, the second server cannot start.",
            "Um socket é uma ponta de uma conversa entre dois programas. Para achar a outra ponta são \
             precisos dois números. O endereço IP identifica a máquina: 127.0.0.1 é sempre o seu próprio \
             computador. A porta, de 0 a 65535, identifica o programa nessa máquina. O servidor da \
             Lojinha escuta em {addr}.\n\nSó um servidor pode usar uma porta de cada vez. Se dois \
             alunos no laboratório escolherem a mesma porta, o segundo servidor não consegue iniciar.",
        ),
        look_at: text(
            "The address and port shown in the server panel and in each client window.",
            "O endereço e a porta que aparecem no painel do servidor e em cada janela de cliente.",
        ),
        action: None,
    },
    LessonStep {
        id: StepId::V1NoServer,
        title: text("v1: connect with no server running", "v1: conectar sem servidor rodando"),
        explanation: text(
            "The lesson asks: what happens if you run the client without the server? Try it. The client \
             asks for a connection on port {port}, but no program is listening there, so the operating \
             system answers at once with a refusal. The client gets the error \u{201c}connection \
             refused\u{201d} (ECONNREFUSED: os error 111 on Linux, 10061 on Windows).\n\nNothing waits and \
             nothing tries again: to connect, a server must already be listening.",
            "A aula pergunta: o que acontece se você executar o cliente sem o servidor? Experimente. O \
             cliente pede uma conexão na porta {port}, mas nenhum programa está escutando ali, então o sistema \
             operacional responde na hora com uma recusa. O cliente recebe o erro \u{201c}connection \
             refused\u{201d}, conexão recusada (ECONNREFUSED: os error 111 no Linux, 10061 no \
             Windows).\n\nNada fica esperando e nada é tentado de novo: para conectar, um servidor precisa \
             já estar escutando.",
        ),
        look_at: text(
            "The client's log: a connect() attempt, then the error. The diagram stays empty: no message \
             could be sent.",
            "O registro do cliente: uma tentativa de connect() e logo depois o erro. O diagrama fica \
             vazio: nenhuma mensagem pôde ser enviada.",
        ),
        action: Some(LessonAction::ConnectWithoutServer),
    },
    LessonStep {
        id: StepId::V1Connect,
        title: text("v1: start the server, then connect", "v1: inicie o servidor e depois conecte"),
        explanation: text(
            "Now start the server first. It takes the port (bind), starts listening (listen) and waits \
             for clients (accept). When the client calls connect, the two operating systems do the TCP \
             handshake, and accept returns a new socket just for this client.\n\nIn the lesson's version 1 \
             the server prints a message and ends. Lojinha's server keeps running, so you can go on.",
            "Agora inicie o servidor primeiro. Ele ocupa a porta (bind), começa a escutar (listen) e \
             espera clientes (accept). Quando o cliente chama connect, os dois sistemas operacionais \
             fazem o aperto de mão do TCP, e o accept devolve um socket novo só para este cliente.\n\nNa \
             versão 1 da aula o servidor imprime uma mensagem e termina. O servidor da Lojinha continua \
             rodando, para você seguir em frente.",
        ),
        look_at: text(
            "A new session in the server panel, with the client's address and port: a high port chosen \
             by the client's system. The diagram marks the connection on the lifelines.",
            "Uma nova sessão no painel do servidor, com o endereço e a porta do cliente: uma porta alta \
             escolhida pelo sistema do cliente. O diagrama marca a conexão nas linhas de vida.",
        ),
        action: Some(LessonAction::StartServerAndConnect),
    },
    LessonStep {
        id: StepId::V2Hello,
        title: text("v2: the server speaks first", "v2: o servidor fala primeiro"),
        explanation: text(
            "In version 2 the server sends a message and the client answers. That order is a protocol: \
             an agreement both sides must keep. If both wait to read, they wait forever.\n\nIn Lojinha \
             the server speaks first with a welcome notification, which carries the session number. \
             Then the client introduces itself with hello, and the server answers with a result.",
            "Na versão 2 o servidor envia uma mensagem e o cliente responde. Essa ordem é um protocolo: \
             um acordo que os dois lados precisam cumprir. Se os dois esperarem para ler, vão esperar \
             para sempre.\n\nNa Lojinha o servidor fala primeiro com a notificação welcome, que traz o \
             número da sessão. Depois o cliente se apresenta com hello, e o servidor responde com um \
             result.",
        ),
        look_at: text(
            "In the diagram, welcome comes first as a one-way arrow: nobody answers a notification. \
             Then the hello request and its result, paired by their id, with the round-trip time.",
            "No diagrama, o welcome vem primeiro, como uma seta de mão única: ninguém responde a uma \
             notificação. Depois vêm a requisição hello e o seu result, ligados pelo id, com o tempo de \
             ida e volta.",
        ),
        action: Some(LessonAction::SendHello),
    },
    LessonStep {
        id: StepId::V3Json,
        title: text("v3: an object crosses the wire", "v3: um objeto atravessa a rede"),
        explanation: text(
            "Sockets carry bytes, not objects. To send a product, the client turns it into text and the \
             server turns the text back into a product. Lojinha uses JSON:\n\
             {\"code\":\"CAN-001\",\"name\":\"Caneta azul\",\"price_cents\":250,\"quantity\":40}\n\n\
             The lesson's version 3 uses Python's pickle. Lojinha never does that: loading a pickle can \
             run any code the sender put in it, and a server must never execute what a client sends. \
             JSON is only data: the server reads it, checks every field and refuses what breaks a rule. \
             Money travels as whole cents, never as a floating-point number.",
            "Sockets transportam bytes, não objetos. Para enviar um produto, o cliente o transforma em \
             texto e o servidor transforma o texto de volta em produto. A Lojinha usa JSON:\n\
             {\"code\":\"CAN-001\",\"name\":\"Caneta azul\",\"price_cents\":250,\"quantity\":40}\n\n\
             A versão 3 da aula usa o pickle do Python. A Lojinha nunca faz isso: carregar um pickle \
             pode executar qualquer código que quem enviou colocou nele, e um servidor nunca deve \
             executar o que um cliente envia. JSON é só dado: o servidor lê, confere cada campo e recusa \
             o que quebra uma regra. Dinheiro viaja em centavos inteiros, nunca como número de ponto \
             flutuante.",
        ),
        look_at: text(
            "Hover over the product.add arrow to see the exact JSON that crossed the wire. Other open \
             clients receive a product.added notification.",
            "Passe o mouse sobre a seta product.add para ver o JSON exato que atravessou a rede. Os \
             outros clientes abertos recebem uma notificação product.added.",
        ),
        action: Some(LessonAction::AddSampleProduct),
    },
    LessonStep {
        id: StepId::V4Commands,
        title: text("v4: commands and the protocol", "v4: comandos e o protocolo"),
        explanation: text(
            "Version 4 gives the server three commands: add a product, list the products, and end. \
             Lojinha has the same three: product.add, product.list and quit.\n\nEach request names its \
             method and carries an id; the answer carries the same id, so the client knows which \
             question it answers. Both sides must respect these rules. A client that sends something \
             else gets an error, and the server does not crash.\n\nAfter quit the server answers \
             {\"bye\":true} and closes this connection. The server itself keeps running for the other \
             clients: a client can never stop it.",
            "A versão 4 dá ao servidor três comandos: adicionar um produto, listar os produtos e \
             terminar. A Lojinha tem os mesmos três: product.add, product.list e quit.\n\nCada \
             requisição diz o seu método e leva um id; a resposta traz o mesmo id, e assim o cliente \
             sabe a que pergunta ela responde. Os dois lados precisam respeitar essas regras. Um cliente \
             que envia outra coisa recebe um erro, e o servidor não cai.\n\nDepois do quit o servidor \
             responde {\"bye\":true} e fecha esta conexão. O servidor continua rodando para os outros \
             clientes: um cliente nunca consegue pará-lo.",
        ),
        look_at: text(
            "The product.list result and its size in bytes; then quit, its bye, and the close mark on \
             the lifeline.",
            "O result do product.list e o seu tamanho em bytes; depois o quit, o bye e a marca de \
             fechamento na linha de vida.",
        ),
        action: Some(LessonAction::ListAndQuit),
    },
    LessonStep {
        id: StepId::ThreadsIntro,
        title: text("Threads: a quick introduction", "Threads: uma rápida introdução"),
        explanation: text(
            "A thread runs a sequence of instructions alongside the other threads of the same program. \
             Take four tasks of 3, 2, 1 and 0.5 seconds.\n\nRun one after another, task 2 starts only \
             when task 1 ends: 6.5 seconds in all.\n\nGive each task its own thread and they run at the \
             same time. The whole run takes about as long as the longest task, 3 seconds, and the \
             shortest task, number 4, finishes first. Here the tasks really sleep, on real threads.",
            "Uma thread executa uma sequência de instruções ao lado das outras threads do mesmo \
             programa. Pense em quatro tarefas de 3, 2, 1 e 0,5 segundos.\n\nExecutadas uma após a \
             outra, a tarefa 2 só começa quando a tarefa 1 termina: 6,5 segundos no total.\n\nCom uma \
             thread para cada tarefa, elas rodam ao mesmo tempo. Tudo leva mais ou menos o tempo da \
             tarefa mais longa, 3 segundos, e a mais curta, a tarefa 4, termina primeiro. Aqui as \
             tarefas dormem de verdade, em threads de verdade.",
        ),
        look_at: text(
            "The two timelines: bars one after another against bars side by side, the measured totals, \
             and the order in which the tasks finish.",
            "As duas linhas do tempo: barras uma depois da outra contra barras lado a lado, os totais \
             medidos e a ordem em que as tarefas terminam.",
        ),
        action: Some(LessonAction::RunThreadsDemo),
    },
    LessonStep {
        id: StepId::V5Threaded,
        title: text(
            "v5: a sequential server against a threaded one",
            "v5: servidor sequencial contra servidor com threads",
        ),
        explanation: text(
            "The version 4 server serves one client at a time. While it talks to one client, a second \
             client can connect, but nobody reads what it sends: it waits in the operating system's \
             queue until the first one leaves.\n\nThe version 5 server starts a thread for each client, \
             so all of them are served at the same time.\n\nThis step runs the server in sequential \
             mode and then in threaded mode, with two clients each time.",
            "O servidor da versão 4 atende um cliente de cada vez. Enquanto ele conversa com um \
             cliente, um segundo cliente até consegue conectar, mas ninguém lê o que ele envia: ele \
             espera na fila do sistema operacional até o primeiro sair.\n\nO servidor da versão 5 cria \
             uma thread para cada cliente, e assim todos são atendidos ao mesmo tempo.\n\nEste passo \
             executa o servidor no modo sequencial e depois no modo com threads, com dois clientes em \
             cada vez.",
        ),
        look_at: text(
            "The server panel's log and diagram keep both runs. In sequential mode a note marks when the \
             second client connected and how long it waited: its welcome comes only after the first one \
             quits. In threaded mode both get it at once. Compare the times in the diagram.",
            "O registro e o diagrama do painel do servidor guardam as duas execuções. No modo \
             sequencial, uma nota marca quando o segundo cliente conectou e quanto tempo esperou: o \
             welcome dele só chega depois que o primeiro sai. No modo com threads, os dois recebem na \
             hora. Compare os tempos no diagrama.",
        ),
        action: Some(LessonAction::SequentialVersusThreaded),
    },
    LessonStep {
        id: StepId::V5Reads,
        title: text("v5: a message larger than one read", "v5: uma mensagem maior que uma leitura"),
        explanation: text(
            "TCP delivers a stream of bytes, not messages. A long message can arrive in several pieces, \
             and one read can bring the end of one message together with the start of the next.\n\nThe \
             lesson's client reads 2048 bytes at a time and joins the pieces. Lojinha does the same, and \
             ends every message with a line break, so the receiver knows where each message ends: it \
             keeps reading until the line break. Stopping when a read returns less than 2048 bytes, as \
             the lesson's loop does, is not safe: a read can return less even in the middle of a \
             message.\n\nThis step fills the catalog and asks for a list much larger than 2048 bytes, \
             with \u{201c}show reads\u{201d} turned on.",
            "O TCP entrega um fluxo de bytes, não mensagens. Uma mensagem longa pode chegar em vários \
             pedaços, e uma leitura pode trazer o fim de uma mensagem junto com o começo da \
             próxima.\n\nO cliente da aula lê 2048 bytes de cada vez e junta os pedaços. A Lojinha faz o \
             mesmo e termina cada mensagem com uma quebra de linha, para quem recebe saber onde cada \
             mensagem acaba: continua lendo até a quebra de linha. Parar quando um recv devolve menos de \
             2048 bytes, como faz o laço da aula, não é seguro: uma leitura pode devolver menos mesmo no \
             meio de uma mensagem.\n\nEste passo enche o catálogo e pede uma lista bem maior que 2048 \
             bytes, com \u{201c}mostrar leituras\u{201d} ligado.",
        ),
        look_at: text(
            "The read() marks in the diagram and in the log: one product.list result arrives in many \
             pieces and becomes one message again only when its line break arrives.",
            "As marcas read() no diagrama e no registro: um único result do product.list chega em \
             muitos pedaços e só volta a ser uma mensagem quando chega a sua quebra de linha.",
        ),
        action: Some(LessonAction::ShowReadsWithBigList),
    },
    LessonStep {
        id: StepId::Exercise,
        title: text("Exercise: fetch a product by its code", "Exercício: buscar um produto pelo código"),
        explanation: text(
            "The lesson's exercise: the client sends a product's code, the server looks it up in its \
             database and sends the product back, if it exists. Lojinha's server does this with \
             product.get, using SQLite where the lesson uses TinyDB.\n\nTry a code that exists and one \
             that does not. Then write your own client in Python: open a socket to the server at {addr}, send one \
             line of JSON and read one line back:\n\
             {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"product.get\",\"params\":{\"code\":\"CAN-001\"}}",
            "O exercício da aula: o cliente envia o código de um produto, o servidor consulta o banco \
             de dados e devolve o produto, se ele existir. O servidor da Lojinha faz isso com \
             product.get, usando SQLite no lugar do TinyDB.\n\nExperimente um código que existe e um que \
             não existe. Depois escreva o seu próprio cliente em Python: abra um socket para o \
             servidor em {addr}, envie uma linha de JSON e leia uma linha de resposta:\n\
             {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"product.get\",\"params\":{\"code\":\"CAN-001\"}}",
        ),
        look_at: text(
            "The product.get result with the product; for a missing code, the error 1001 \u{201c}product \
             not found\u{201d} in red, with the same id as its request.",
            "O result do product.get com o produto; para um código que não existe, o erro 1001 \
             \u{201c}product not found\u{201d} em vermelho, com o mesmo id da requisição.",
        ),
        action: Some(LessonAction::FetchByCode),
    },
];
