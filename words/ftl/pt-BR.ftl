# Lojinha: todas as palavras do aplicativo, em português do Brasil.
# Os ids são os mesmos do en.ftl; { $nome } é preenchido pelo código.

## Main window

app-title = Lojinha
app-new_client = Nova janela de cliente
app-windows_open = Janelas de cliente abertas: { $n }
app-client_name = Nome das novas janelas
app-default_client_name = Cliente
app-theme = Tema
app-zoom_in = Texto maior (para projetores)
app-zoom_out = Texto menor
app-window_failed = Não foi possível abrir a janela de cliente: { $error }
theme-system = Sistema
theme-light = Claro
theme-dark = Escuro

## Server panel

server-title = Servidor
server-explain =
    Um servidor escuta num endereço; janelas de cliente (aqui ou em outros computadores) se conectam a ele.
server-listen = Endereço de escuta
server-allow_remote = Permitir outros computadores
server-allow_remote_warning =
    Escutando em { $addr }: qualquer pessoa na sua rede pode se conectar e alterar o catálogo. Não há senha.
server-mode = Modo
server-threaded = { server-mode_threaded } (vários clientes)
server-sequential = { server-mode_sequential } (um por vez)
server-db = Banco de dados
server-in_memory = Em memória (perdido ao parar)
server-db_file = Arquivo do banco
server-db_used = Usa: { $db }
server-seed_sample = Adicionar produtos de exemplo se vazio
server-catalog_file = Num arquivo SQLite (este computador)
server-catalog_shared = PostgreSQL compartilhado (vários servidores, um catálogo)
server-postgres = String de conexão
server-postgres_help = Servidores em vários computadores podem manter um só catálogo no PostgreSQL: cada cliente vê cada mudança, seja qual for o servidor a que está conectado. Uma URL postgres:// ou host=… dbname=…; a senha fica só nesta execução (ou use PGPASSWORD).
server-postgres_test = Testar
server-postgres_testing = Conectando…
server-postgres_needed = Digite a string de conexão do banco compartilhado e clique em Testar.
server-postgres_empty = PostgreSQL { $version } alcançado. Ainda não há catálogo lá: o servidor o cria ao iniciar.
server-postgres_reached = PostgreSQL { $version } alcançado. O catálogo tem { $n ->
    [one] 1 produto
   *[other] { $n } produtos
}.
server-postgres_newer = PostgreSQL { $version } alcançado, mas o catálogo foi criado por uma Lojinha mais nova (esquema { $schema }): este servidor o recusaria.
server-token = Token de acesso (opcional)
server-token_hint = nenhum: qualquer um pode conectar
server-token_help = Os clientes precisam enviar este token no hello antes de qualquer outro pedido
server-start = Iniciar servidor
server-stop = Parar servidor
server-starting = Iniciando…
server-stopping = Parando (despedindo-se dos clientes)…
server-err_start = Não foi possível iniciar o servidor: { $error }
server-bind_failed = não foi possível escutar em { $addr }: { $detail }
server-bind_in_use = a porta está em uso (outro servidor está rodando? escolha outra porta)
server-bind_privileged = portas abaixo de 1024 exigem privilégios: escolha uma porta de 1024 a 65535
server-bind_bad_address = escreva o endereço como host:porta, por exemplo 127.0.0.1:5050
server-bind_no_such_address = este computador não tem esse endereço
server-db_locked = o banco de dados { $path } está em uso por outro processo (outro servidor o está usando?)
server-db_corrupt = o banco de dados { $path } está danificado ou não é um banco da Lojinha ({ $detail })
server-db_open = não foi possível abrir o banco de dados { $path }: { $detail }
server-no_thread = não foi possível iniciar uma thread: { $detail }
server-err_db_dir = Não foi possível criar a pasta { $path }: { $error }
server-running = Rodando em { $addr }
server-not_running = O servidor não está rodando. Clique em "Iniciar servidor".
server-uptime = no ar há { $uptime }
server-products = { $n ->
        [0] { $n } produtos
        [one] { $n } produto
       *[other] { $n } produtos
    }
server-mode_is = modo: { $mode }
server-mode_threaded = com threads
server-mode_sequential = sequencial
server-db_is = banco: { $db }
server-sessions = Sessões ({ $n })
sessions-id = Id
sessions-client = Cliente
sessions-peer = Endereço
sessions-since = Conectado
sessions-requests = Requisições
sessions-unnamed = (ainda sem hello)
sessions-ago = há { $time }
time-under_a_minute = menos de um minuto
time-minutes = { $m } min
time-hours = { $h } h { $m } min

## Client window

client-window_title = Janela de cliente { $n }
client-name = Nome do cliente
client-name_hint = enviado no hello
client-token = Token
client-token_hint = se exigido
client-address = Servidor
client-address_hint = host:porta
client-connect = Conectar
client-connect_local = Conectar ao servidor deste app ({ $addr })
client-connect_local_none = Conectar ao servidor deste app (parado)
client-disconnect = Desconectar
client-auto_reconnect = Reconectar automaticamente
client-reconnect = Reconectar
client-idle = Desconectado. Conecte ao servidor deste app, ou digite host:porta e clique em Conectar.
client-connecting = Conectando a { $addr }…
client-reconnecting = Reconectando a { $addr } (tentativa { $attempt })…
client-connected = Conectado a { $peer }, sessão #{ $session }
client-no_server =
    Nenhum servidor escutando em { $addr } (conexão recusada). Inicie um com "Iniciar servidor" na janela principal, ou confira o endereço.
client-lost = Conexão perdida: { $reason }
err-resolve = Não foi possível encontrar o host em { $addr }: { $detail }
err-no_port = O endereço { $addr } não tem porta: escreva host:porta, por exemplo 127.0.0.1:5050
err-connect = Não foi possível conectar a { $addr }: { $detail }
err-timeout = O servidor não respondeu a tempo
err-io = Erro na conexão: { $detail }
err-protocol = O servidor enviou algo inesperado: { $detail }
err-not_found = Produto não encontrado: { $code }
err-exists = Já existe um produto com o código { $code }
err-changed = O produto { $code } foi alterado por outra pessoa desde que você o leu
err-token_required = Este servidor exige um token de acesso: digite-o no campo Token (access token required)
err-token_wrong = O token de acesso está errado
err-invalid_params = Valor inválido em { $field }: { $reason }
err-parse = O servidor não conseguiu ler a mensagem como JSON: { $detail }
err-json_at = { $what } (linha { $line }, coluna { $column })
err-json_expected_value = esperava um valor (textos vão entre aspas; true, false e null em minúsculas)
err-json_eof = a mensagem termina no meio
err-json_trailing = há algo depois do valor JSON
err-json_trailing_comma = uma vírgula antes do fechamento
err-json_unicode = um texto que não é UTF-8 ou Unicode válido
err-json_key = a chave de um objeto deve ser um texto entre aspas
err-json_comma = esperava uma vírgula ou o fechamento
err-json_colon = esperava dois-pontos (:) depois da chave
err-json_escape = um escape (\) inválido num texto
err-json_number = um número inválido
err-json_control = um caractere de controle dentro de um texto
err-invalid_request = Não é um pedido JSON-RPC válido ({ $detail })
err-req_empty_batch = um lote vazio ([])
err-req_batch_too_large = um lote com mais de { $max } pedidos
err-req_not_object = um pedido deve ser um objeto JSON
err-req_bad_id = o id deve ser um texto ou um número inteiro
err-req_bad_version = jsonrpc deve ser "2.0"
err-req_method_not_string = method deve ser um texto
err-req_method_missing = falta o method
err-req_bad_params = params deve ser um objeto ou um array
err-req_too_many_values = a mensagem tem valores demais (no máximo { $max } numa linha)
err-req_duplicate_key = um objeto do pedido tem a mesma chave duas vezes
err-req_frame_too_large = a mensagem passa do limite de { $limit } bytes
err-method = Método desconhecido: { $method }
err-internal = O servidor não conseguiu gravar ({ $detail })
err-storage_full = o disco dele está cheio
err-catalog_full = o catálogo dele já tem o máximo de produtos que ele permite
err-storage_stopping = ele está sendo encerrado
err-storage_read_only = o banco de dados dele é somente leitura
err-storage_locked = o banco de dados dele está bloqueado por outro programa
err-storage_io = um erro de disco
err-lookup_unknown = esse nome não existe (confira a grafia, ou use um endereço IP)
err-lookup_no_address = o nome não tem endereço
err-lookup_no_answer = o serviço de nomes não respondeu (há rede?)

## Product fields named in errors (the wire name kept beside the translation)

field-code = código (code)
field-name = nome (name)
field-price_cents = preço em centavos (price_cents)
field-quantity = quantidade (quantity)

## Rules a field broke (the `reason` of a -32602 error)

rule-required = é obrigatório
rule-empty = não pode ficar vazio
rule-not_string = deve ser um texto (string)
rule-not_object = deve ser um objeto JSON
rule-too_long = deve ter no máximo { $max } caracteres
rule-too_long_has = deve ter no máximo { $max } caracteres (tem { $has })
rule-character = o caractere { $char } não é permitido (use A-Z a-z 0-9 . _ -)
rule-control = não pode conter caracteres de controle
rule-bidi = não pode conter caracteres que invertem a direção do texto
rule-nothing_visible = precisa ter um caractere visível
rule-integer_range = deve ser um número inteiro de { $min } a { $max }
rule-length_range = deve ter de { $min } a { $max } caracteres
rule-token_too_long = deve ser um texto de no máximo { $max } bytes
rule-unknown_field = não é um campo de produto
rule-unknown_parameter = não é um parâmetro deste método
rule-too_many_positional = no máximo { $max } parâmetros posicionais
client-retry_in = Tentando de novo em { $secs } s.
client-disconnected_by_you = você desconectou
client-gave_up = Parou de conectar a { $addr }: você saiu antes da resposta
client-not_connected = Não conectado
client-no_address = Digite antes o endereço do servidor (host:porta).
client-thread_gone = A thread de rede parou; feche esta janela e abra outra.

## Table

table-filter = Filtrar
table-filter_hint = código ou nome
table-reload = Recarregar
table-count = { $shown } de { $total ->
        [0] { $total } produtos
        [one] { $total } produto
       *[other] { $total } produtos
    }
table-over_max = O servidor enviou mais produtos do que a tabela comporta ({ $max }): { $n } não mostrados
table-malformed = { $n ->
        [one] 1 produto do servidor quebra as regras (código ou nome longo demais) e não é mostrado
       *[other] { $n } produtos do servidor quebram as regras (código ou nome longo demais) e não são mostrados
    }
client-commands_full = A conexão está ocupada: há pedidos demais esperando. Tente de novo daqui a pouco.
table-loading = Carregando { $loaded } de { $total }
table-code = Código
table-name = Nome
table-price = Preço
table-quantity = Quantidade
table-sort_hint = Clique para ordenar; de novo para inverter

## Form

form-title_add = Adicionar produto
form-title_edit = Editar { $code }
form-code = Código
form-code_hint = ex.: CAN-001
form-name = Nome
form-name_hint = ex.: Caneta azul
form-price = Preço (R$)
form-price_hint = ex.: 2,50
form-quantity = Quantidade
form-quantity_hint = 0 se vazio
form-add = Adicionar produto
form-save = Salvar alterações
form-new = Novo produto
form-delete = Excluir…
form-confirm_delete = Excluir { $code } para todos? Não dá para desfazer.
form-confirm_yes = Sim, excluir
form-confirm_no = Cancelar
form-added = { $code } adicionado.
form-saved = { $code } salvo.
form-deleted = { $code } excluído.
form-fix_fields = Corrija os campos marcados em vermelho.
form-err-required = Obrigatório
form-err-name = 1 a 200 caracteres, sem caracteres de controle
form-err-price = Digite um preço como 2,50
form-err-price_decimals = No máximo duas casas decimais
form-err-price_too_large = Grande demais
form-err-price_negative = O preço não pode ser negativo
form-err-price_ambiguous = Milhar ou decimais? Escreva 2,50 ou 2.505,00
form-err-quantity = Um número inteiro de 0 a 1.000.000.000
form-err-server = Servidor: { $reason }

## Fetch

fetch-title = Buscar por código
fetch-code = Código a buscar
fetch-hint = ex.: CAN-001
fetch-button = Buscar
fetch-found = Encontrado { $code }: { $name }, { $price }, { $quantity } em estoque
fetch-not_found = Não encontrado: nenhum produto tem o código { $code }

## Export

export-title = Exportar a lista
export-path = Arquivo
export-path_hint = /home/eu/produtos.csv
export-button = Exportar { $n ->
        [0] { $n } produtos
        [one] { $n } produto
       *[other] { $n } produtos
    }
export-dialog = Salvar como…
export-written = { $n ->
        [0] { $n } produtos gravados
        [one] { $n } produto gravado
       *[other] { $n } produtos gravados
    } em { $path }
export-failed = Não foi possível gravar { $path }: { $error }
export-no_path =
    Nenhum arquivo escolhido. Se nenhuma janela apareceu, digite um caminho acima e clique em Exportar.

## Log

log-title_client = Registro da conexão
log-title_server = Registro do servidor
log-filter = Buscar no registro
log-filter_hint = método, texto, JSON
log-auto_scroll = Rolar sozinho
log-clear = Limpar
log-count = { $n ->
        [0] { $n } passos
        [one] { $n } passo
       *[other] { $n } passos
    }
log-not_shown = { $n ->
        [one] { $n } evento não mostrado (chegou mais rápido do que a janela consegue mostrar)
       *[other] { $n } eventos não mostrados (chegaram mais rápido do que a janela consegue mostrar)
    }
log-raw_cut = { $n ->
        [one] ({ $n } byte a mais desta mensagem não foi guardado)
       *[other] ({ $n } bytes a mais desta mensagem não foram guardados)
    }
log-col-time = Tempo
log-col-dir = Dir
log-col-session = Sess
log-col-step = Passo
log-col-detail = Detalhe
log-col-bytes = Bytes
log-col-rtt = Duração
log-copy_json = Copiar JSON
log-close_detail = Fechar
log-go_response = Ir para a resposta
log-go_request = Ir para a requisição
log-no_raw = (sem mensagem: evento local)
log-raw_json = JSON bruto
log-bytes = Bytes
log-bytes_hint = A linha como os bytes que passaram pela rede: hexadecimal ao lado dos caracteres
log-bytes_legend = { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }, o último 0a: o \n que termina a linha. Uma letra acentuada como ç ocupa dois bytes (c3 a7) em UTF-8; · marca um byte que não mostra caractere.
log-d-request = { $method } (id { $id })
log-d-response = resposta a { $method } (id { $id })
log-d-error_response = erro em { $method } (id { $id }): { $message }
log-d-error_plain = erro (id { $id }): { $message }
log-d-error_no_id = erro: { $message }
step-listening = escutando
step-connecting = conectando
step-connected = conectado
step-session_opened = sessão aberta
step-welcome = welcome
step-hello = hello
step-request = requisição
step-response = resposta
step-error_response = resposta de erro
step-batch = lote
step-notification = notificação
step-goodbye = goodbye
step-garbage = não é JSON-RPC
step-read = leitura
step-error = erro
step-closed = fechada
step-stopped = parado

## Language, lesson, diagram

app-language = Idioma
app-lesson = Aula
app-lesson_hint = Mostrar ou esconder o painel da aula
lesson-title = Aula
lesson-working = Executando…
lesson-threads_title = Demonstração de threads
lesson-close_threads = Fechar a demonstração de threads
lesson-no_client = Nenhuma janela de cliente está conectada ao servidor deste app.
lesson-server_failed = O servidor não iniciou: { $error }
lesson-timeout_server = A aula desistiu de esperar o servidor iniciar ou parar.
lesson-timeout_connect = A aula desistiu de esperar uma janela de cliente se conectar.
lesson-timeout_disconnect = A aula desistiu de esperar uma janela de cliente se desconectar.
lesson-timeout_answer = A aula desistiu de esperar a resposta do servidor.
lesson-timeout_threads = A aula desistiu de esperar a demonstração de threads.
lesson-sample_name = Caderno da aula
diagram-title = Diagrama de sequência

## Client window: reads, console, import

client-show_reads = Mostrar leituras
client-show_reads_hint = Registrar cada read() e seu tamanho (a partir da próxima conexão)
console-title = Console bruto
console-explain =
    Digite qualquer texto e envie como está, como no nc. A resposta aparece no registro e no diagrama.
console-examples = Exemplos:
console-ex_valid = chamada válida
console-ex_batch = lote
console-ex_invalid = JSON inválido
console-ex_unknown = método desconhecido
console-message = Mensagem bruta
console-hint = {"{"}"jsonrpc":"2.0", ...{"}"}
console-send = Enviar bruto
console-without_newline = Sem \n
console-without_newline_hint = Manda o texto sem a quebra de linha no fim: o servidor continua esperando o resto da linha.
console-send_newline = Mandar \n
console-send_newline_hint = Manda só uma quebra de linha: ela termina o que foi mandado sem uma.
console-pieces = Pedaços
console-pieces_hint = Manda o texto nesta quantidade de chamadas write(), uma depois da outra; o servidor as lê como uma linha só.
console-piece_pause = Pausa entre pedaços
export-file_name = lojinha-produtos
export-dialog_title = Exportar a lista de produtos
import-title = Importar produtos
import-dialog_title = Importar produtos de um arquivo
import-dialog_filter = CSV ou JSON
import-explain =
    CSV ou JSON como exportados aqui, ou o CSV de uma planilha (; e vírgula decimal). Cada produto é adicionado pelo servidor.
import-path = Arquivo a importar
import-button = Importar
import-dialog = Abrir…
import-progress = Adicionando { $done } de { $total }
import-summary = Importação concluída: { $added ->
        [0] { $added } adicionados
        [one] { $added } adicionado
       *[other] { $added } adicionados
    }, { $skipped ->
        [0] { $skipped } ignorados
        [one] { $skipped } ignorado
       *[other] { $skipped } ignorados
    }
import-skipped_line = linha { $line }: { $reason }
import-refused = { $code }: o servidor respondeu { $error }
import-more = … e mais { $n }
import-failed = Não foi possível importar { $path }: { $error }
import-no_path =
    Nenhum arquivo escolhido. Se nenhuma janela apareceu, digite um caminho acima e clique em Importar.

## Why an imported record or file was left out

skip-rule = { $field }: { $reason }
skip-price_empty = o preço está vazio
skip-price_not_number = o preço não é um número: '{ $raw }'
skip-price_too_large = o preço é grande demais: '{ $raw }'
skip-price_decimals = o preço tem mais de 2 casas decimais: '{ $raw }'
skip-price_negative = o preço é negativo: '{ $raw }'
skip-price_ambiguous = o preço é ambíguo (milhar ou decimais?): '{ $raw }'
skip-not_whole = { $column } não é um número inteiro: '{ $raw }'
skip-column_empty = { $column } está vazio
skip-field_count = a linha tem { $has ->
        [0] { $has } campos
        [one] { $has } campo
       *[other] { $has } campos
    }, mas o cabeçalho tem { $header }
skip-unclosed_quote = um campo entre aspas nunca é fechado
skip-price_mismatch =
    price '{ $price }' e price_cents '{ $cents }' não batem: corrija um deles, ou apague uma das duas colunas
skip-duplicate_line = código '{ $code }' repetido (aparece antes na linha { $first })
skip-duplicate_item = código '{ $code }' repetido (aparece antes no item { $first })
skip-file_empty = o arquivo está vazio
skip-not_json = o arquivo não é um JSON válido: { $what } (linha { $line }, coluna { $column })
skip-not_array = esperava um array JSON de produtos
skip-missing_column = o cabeçalho não tem a coluna { $column } (tem: { $header })
skip-column_code = 'código' (ou 'code')
skip-column_name = 'nome' (ou 'name')
skip-column_price = 'preço' (ou 'price', 'price_cents')

## Files

file-not_found = o arquivo não existe
file-permission = permissão negada
file-is_directory = isso é uma pasta, não um arquivo
file-disk_full = o disco está cheio
file-other = { $detail }

## Passos da aula (teach/src/lesson/steps.rs)

lesson-intro-title = Sockets: endereços e portas
lesson-intro-explanation =
    Um socket é uma ponta de uma conversa entre dois programas. Para achar a outra ponta são precisos dois números. O endereço IP identifica a máquina: 127.0.0.1 é sempre o seu próprio computador. A porta, de 0 a 65535, identifica o programa nessa máquina. O servidor da Lojinha escuta em { $addr }.

    Só um servidor pode usar uma porta de cada vez. Se dois alunos no laboratório escolherem a mesma porta, o segundo servidor não consegue iniciar.
lesson-intro-look_at = O endereço e a porta que aparecem no painel do servidor e em cada janela de cliente.

lesson-v1_no_server-title = v1: conectar sem servidor rodando
lesson-v1_no_server-explanation =
    A aula pergunta: o que acontece se você executar o cliente sem o servidor? Experimente. O cliente pede uma conexão na porta { $port }, mas nenhum programa está escutando ali, então o sistema operacional responde na hora com uma recusa. O cliente recebe o erro “connection refused”, conexão recusada (ECONNREFUSED: os error 111 no Linux, 10061 no Windows).

    Nada fica esperando e nada é tentado de novo: para conectar, um servidor precisa já estar escutando.
lesson-v1_no_server-look_at =
    O registro do cliente: uma tentativa de connect() e logo depois o erro. O diagrama fica vazio: nenhuma mensagem pôde ser enviada.

lesson-v1_connect-title = v1: inicie o servidor e depois conecte
lesson-v1_connect-explanation =
    Agora inicie o servidor primeiro. Ele ocupa a porta (bind), começa a escutar (listen) e espera clientes (accept). Quando o cliente chama connect, os dois sistemas operacionais fazem o aperto de mão do TCP, e o accept devolve um socket novo só para este cliente.

    Na versão 1 da aula o servidor imprime uma mensagem e termina. O servidor da Lojinha continua rodando, para você seguir em frente.
lesson-v1_connect-look_at =
    Uma nova sessão no painel do servidor, com o endereço e a porta do cliente: uma porta alta escolhida pelo sistema do cliente. O diagrama marca a conexão nas linhas de vida.

lesson-v2_hello-title = v2: o servidor fala primeiro
lesson-v2_hello-explanation =
    Na versão 2 o servidor envia uma mensagem e o cliente responde. Essa ordem é um protocolo: um acordo que os dois lados precisam cumprir. Se os dois esperarem para ler, vão esperar para sempre.

    Na Lojinha o servidor fala primeiro com a notificação welcome, que traz o número da sessão. Depois o cliente se apresenta com hello, e o servidor responde com um result.
lesson-v2_hello-look_at =
    No diagrama, o welcome vem primeiro, como uma seta de mão única: ninguém responde a uma notificação. Depois vêm a requisição hello e o seu result, ligados pelo id, com o tempo de ida e volta. Este passo pausa o servidor por um momento (“Controles do professor” no painel do servidor): o cliente está conectado, mas nada chega: ele espera o servidor falar primeiro. O welcome sai depois de dois segundos; depois a resposta ao hello fica retida do mesmo jeito.

lesson-v3_json-title = v3: um objeto atravessa a rede
lesson-v3_json-explanation =
    Sockets transportam bytes, não objetos. Para enviar um produto, o cliente o transforma em texto e o servidor transforma o texto de volta em produto. A Lojinha usa JSON:
    {"{"}"code":"CAN-001","name":"Caneta azul","price_cents":250,"quantity":40{"}"}

    A versão 3 da aula usa o pickle do Python. A Lojinha nunca faz isso: carregar um pickle pode executar qualquer código que quem enviou colocou nele, e um servidor nunca deve executar o que um cliente envia. JSON é só dado: o servidor lê, confere cada campo e recusa o que quebra uma regra. Dinheiro viaja em centavos inteiros, nunca como número de ponto flutuante.
lesson-v3_json-look_at =
    Passe o mouse sobre a seta product.add para ver o JSON exato que atravessou a rede. Os outros clientes abertos recebem uma notificação product.added.

lesson-v4_commands-title = v4: comandos e o protocolo
lesson-v4_commands-explanation =
    A versão 4 dá ao servidor três comandos: adicionar um produto, listar os produtos e terminar. A Lojinha tem os mesmos três: product.add, product.list e quit.

    Cada requisição diz o seu método e leva um id; a resposta traz o mesmo id, e assim o cliente sabe a que pergunta ela responde. Os dois lados precisam respeitar essas regras. Um cliente que envia outra coisa recebe um erro, e o servidor não cai.

    Depois do quit o servidor responde {"{"}"bye":true{"}"} e fecha esta conexão. O servidor continua rodando para os outros clientes: um cliente nunca consegue pará-lo.
lesson-v4_commands-look_at =
    O result do product.list e o seu tamanho em bytes; depois o quit, o bye e a marca de fechamento na linha de vida.

lesson-threads_intro-title = Threads: uma rápida introdução
lesson-threads_intro-explanation =
    Uma thread executa uma sequência de instruções ao lado das outras threads do mesmo programa. Pense em quatro tarefas de 3, 2, 1 e 0,5 segundos.

    Executadas uma após a outra, a tarefa 2 só começa quando a tarefa 1 termina: 6,5 segundos no total.

    Com uma thread para cada tarefa, elas rodam ao mesmo tempo. Tudo leva mais ou menos o tempo da tarefa mais longa, 3 segundos, e a mais curta, a tarefa 4, termina primeiro. Aqui as tarefas dormem de verdade, em threads de verdade.
lesson-threads_intro-look_at =
    As duas linhas do tempo: barras uma depois da outra contra barras lado a lado, os totais medidos e a ordem em que as tarefas terminam.

lesson-v5_threaded-title = v5: servidor sequencial contra servidor com threads
lesson-v5_threaded-explanation =
    O servidor da versão 4 atende um cliente de cada vez. Enquanto ele conversa com um cliente, um segundo cliente até consegue conectar, mas ninguém lê o que ele envia: ele espera na fila do sistema operacional até o primeiro sair.

    O servidor da versão 5 cria uma thread para cada cliente, e assim todos são atendidos ao mesmo tempo.

    Este passo executa o servidor no modo sequencial e depois no modo com threads, com dois clientes em cada vez.
lesson-v5_threaded-look_at =
    O registro e o diagrama do painel do servidor guardam as duas execuções. No modo sequencial, uma nota marca quando o segundo cliente conectou e quanto tempo esperou: o welcome dele só chega depois que o primeiro sai. No modo com threads, os dois recebem na hora. Compare os tempos no diagrama. Durante a execução sequencial o servidor também fica pausado por um momento, retendo a resposta da janela 1 (“Controles do professor”): a janela 1 espera por ela, e a janela 2 espera atrás da janela 1.

lesson-v5_reads-title = v5: uma mensagem maior que uma leitura
lesson-v5_reads-explanation =
    O TCP entrega um fluxo de bytes, não mensagens. Uma mensagem longa pode chegar em vários pedaços, e uma leitura pode trazer o fim de uma mensagem junto com o começo da próxima.

    O cliente da aula lê 2048 bytes de cada vez e junta os pedaços. A Lojinha faz o mesmo e termina cada mensagem com uma quebra de linha, para quem recebe saber onde cada mensagem acaba: continua lendo até a quebra de linha. Parar quando um recv devolve menos de 2048 bytes, como faz o laço da aula, não é seguro: uma leitura pode devolver menos mesmo no meio de uma mensagem.

    Este passo enche o catálogo e pede uma lista bem maior que 2048 bytes, com “mostrar leituras” ligado.
lesson-v5_reads-look_at =
    As marcas read() no diagrama e no registro: um único result do product.list chega em muitos pedaços e só volta a ser uma mensagem quando chega a sua quebra de linha. Depois o servidor escreve cada linha em quatro pedaços, com uma pausa entre eles (“enviar em pedaços”), e o cliente busca um produto: até uma resposta curta chega em várias leituras.

lesson-exercise-title = Exercício: buscar um produto pelo código
lesson-exercise-explanation =
    O exercício da aula: o cliente envia o código de um produto, o servidor consulta o banco de dados e devolve o produto, se ele existir. O servidor da Lojinha faz isso com product.get, usando SQLite no lugar do TinyDB.

    Experimente um código que existe e um que não existe. Depois escreva o seu próprio cliente em Python: abra um socket para o servidor em { $addr }, envie uma linha de JSON e leia uma linha de resposta:
    {"{"}"jsonrpc":"2.0","id":1,"method":"product.get","params":{"{"}"code":"CAN-001"{"}"}{"}"}
lesson-exercise-look_at =
    O result do product.get com o produto; para um código que não existe, o erro 1001 “product not found” em vermelho, com o mesmo id da requisição.
lesson-many_servers-title = Depois: vários servidores, um banco de dados
lesson-many_servers-explanation =
    Uma thread por cliente atende uma turma inteira, mas um servidor ainda é um processo num computador. Um laboratório cresce além disso: os servidores de dois professores, ou uma turma dividida em duas máquinas, querem um catálogo só, que todos os servidores leem e escrevem.

    Aí o catálogo passa para um servidor de banco de dados que todos compartilham: o PostgreSQL. Cada servidor da Lojinha continua com uma cópia em memória para ler rápido, e as escritas vão para o banco. Quando uma mudança é confirmada (commit), o PostgreSQL avisa todos os servidores (LISTEN e NOTIFY), e cada servidor a envia aos seus clientes, na mesma ordem em todos.

    Este passo inicia dois servidores no banco PostgreSQL escolhido no painel do servidor ("PostgreSQL compartilhado"), abre uma janela em cada um e adiciona um produto pelo primeiro.
lesson-many_servers-look_at =
    O diagrama da primeira janela: a requisição product.add vai ao servidor A e a resposta volta. A segunda janela está conectada ao servidor B, que nunca recebeu essa requisição, e mesmo assim o diagrama dela mostra o product.added chegando: a mudança passou de um servidor para o outro pelo banco de dados. A nota na linha de vida do painel do servidor diz qual servidor a repassou.
lesson-many_servers-needs_postgres =
    Este passo precisa de um banco PostgreSQL. No painel do servidor escolha "PostgreSQL compartilhado", digite a string de conexão (por exemplo postgres://postgres@127.0.0.1/lojinha) e clique em Testar. Para instalar um no Debian ou Ubuntu: sudo apt install postgresql e depois sudo -u postgres createdb lojinha.
lesson-note_crossed = { $code } chegou a { $window } pelo servidor B ({ $addr }).
lesson-timeout_crossed = A lição desistiu de esperar que a janela do outro servidor recebesse o produto.

## Diagrama de sequência (teach/src/diagram)

diagram-client = Cliente
diagram-server = Servidor
diagram-session = Sessão { $lane }
diagram-session_named = Sessão { $lane }: { $client }
diagram-no_messages = Nenhuma mensagem ainda.
diagram-click_to_select = Clique para selecionar esta mensagem no registro.
diagram-time = Tempo
diagram-seconds = { $seconds } s
diagram-bytes = ({ $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    })
diagram-legend_request = requisição
diagram-legend_response = resposta
diagram-legend_error = erro
diagram-legend_notification = notificação
diagram-legend_batch = lote
diagram-legend_event = evento
diagram-not_json_rpc = não é JSON-RPC: { $raw }
diagram-closed = fechada: { $reason }
diagram-error = erro{ $code }{ $id }{ $rtt }
diagram-batch = lote{ $id }{ $rtt }
diagram-duration_ms = { $ms } ms
diagram-duration_s = { $s } s

## Demonstração de threads (teach/src/threads_demo)

threads-task = Tarefa { $n }
threads-task_length = Tarefa { $n } ({ $seconds } s)
threads-run_sequential = Executar uma após a outra
threads-run_concurrent = Executar cada uma na sua thread
threads-sequential_title = Uma após a outra (sequencial)
threads-concurrent_title = Cada uma na sua thread (concorrente)
threads-total = total { $seconds } s
threads-heading = { $title }: { $status }
threads-running = executando…
threads-not_run_yet = ainda não executado
threads-summary = Tarefa { $first } terminou primeiro · Ordem de término: { $order }
threads-seconds = { $seconds } s
threads-no_thread = não foi possível iniciar uma thread: { $error }

## Painel da aula (teach/src/lesson)

lesson-previous = Anterior
lesson-next = Próximo
lesson-step_of = Passo { $n } de { $total }
lesson-all_steps = Todos os passos
lesson-numbered = { $n }. { $title }
lesson-do_it = Fazer
lesson-what_to_look_at = O que observar
lesson-no_action = Nada para executar neste passo: leia e siga em frente.

## Por que uma conexão terminou (teach/src/closing); as palavras entre parênteses são as do protocolo

closing-goodbye-idle_timeout = o servidor fechou a conexão depois de muito tempo sem mensagens (idle timeout)
closing-goodbye-too_slow = o servidor desligou este cliente por não ler as mensagens (too slow)
closing-goodbye-shutting_down = o servidor está sendo desligado
closing-goodbye-full = o servidor está cheio (clientes demais)
closing-goodbye-per_address = o servidor não aceita mais conexões do endereço deste computador
closing-goodbye-line_timeout = o servidor esperou demais pelo resto de uma linha (line timeout)
closing-goodbye-wrong_token = o servidor fechou a conexão depois de tokens errados demais
closing-goodbye-other = o servidor se despediu: { $reason }
closing-server_closed = o servidor fechou a conexão
closing-too_large = o servidor enviou uma mensagem maior que o limite
closing-reader_stopped = a leitura da conexão parou
closing-send_failed = não foi possível enviar: { $detail }
closing-read_failed = erro na conexão: { $detail }
closing-by_this_client = fechada por este cliente
closing-session-client_closed = o cliente fechou a conexão
closing-session-quit = o cliente enviou quit
closing-session-idle_timeout = tempo demais sem mensagens (idle timeout)
closing-session-line_timeout = uma linha demorou demais para chegar (line timeout)
closing-session-wrong_token = tokens errados demais
closing-session-too_slow = o cliente não lia as mensagens (too slow)
closing-session-frame_too_large = uma mensagem maior que o limite (frame too large)
closing-session-shutting_down = o servidor está sendo desligado
closing-session-dropped_by_owner = derrubada pelo dono do servidor (sem goodbye)
closing-session-error = erro no socket: { $detail }
closing-connect-refused = conexão recusada (nenhum servidor ali)
closing-connect-name_lookup = nome não encontrado (connect() nem começou)
closing-connect-other = connect() falhou
closing-connect-gave_up = connect() abandonado: você saiu
closing-refusal-full = o servidor está cheio
closing-refusal-per_address = conexões demais deste endereço
socket-reset = o outro lado interrompeu a conexão
socket-aborted = a conexão foi abortada
socket-broken_pipe = o outro lado já tinha fechado a conexão
socket-timed_out = tempo esgotado
socket-host_unreachable = o host está inalcançável
socket-network_unreachable = a rede está inalcançável
socket-network_down = a rede está fora do ar
socket-address_not_available = esse endereço não está disponível

## What a step at one end says (teach/src/steps/words.rs), in the log and the diagram

steps-connect_to = connect() para { $addr }
steps-connected_as = conectado como { $local } -> { $peer }
steps-read = read(): { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }
steps-listening_on = escutando em { $addr } ({ $mode })
steps-accepted = accept() de { $peer }
steps-named = hello: { $client }
steps-refused = recusado { $peer }: { $reason }
steps-stopped = parado
step-owner = professor
step-piece = pedaço
steps-piece = write(): pedaço { $n } de { $of } ({ $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    })
steps-owner_held = resposta retida pelo professor ({ $n ->
        [one] { $n } retida
       *[other] { $n } retidas
    })
steps-owner_hold_full = respostas retidas demais: esta sai na hora
steps-owner_released_next = liberada: Próxima
steps-owner_released_all = liberada: Liberar todas
steps-owner_released_unpaused = liberada: a pausa foi desligada
steps-owner_discarded = resposta retida descartada: a sessão fechou
steps-owner_delayed = câmera lenta: espera { $delay }
diagram-show_closed_sessions = Mostrar sessões fechadas ({ $n })

## Presentation mode, the server panel, the lesson's confirmations and notes (app/src/app/room.rs, app/src/app/lesson.rs)

room-presentation = Apresentação (F5)
room-leave_presentation = Sair da apresentação (F5)
room-presentation_hint = Para o projetor: texto maior, os painéis laterais recolhidos, o registro e o diagrama do servidor na janela toda. F5 liga e desliga.
room-server_panel = Configurações do servidor
room-server_panel_hint = Mostrar ou esconder as configurações do servidor à esquerda.
room-hide_panel = Esconder este painel
step-note = nota
lesson-confirm_title = Antes deste passo:
lesson-risk_stop = ele para o servidor que está rodando em { $addr }, e os clientes dele são desconectados.
lesson-risk_catalog = ele adiciona um produto de exemplo ao catálogo do servidor em execução ({ $db }).
lesson-confirm_go = Pode seguir
lesson-confirm_cancel = Cancelar
lesson-own_catalog = Catálogo da aula em memória
lesson-own_catalog_hint = O servidor que a aula inicia guarda o seu próprio catálogo em memória, perdido quando ele para. Desmarque para usar o banco escolhido no painel do servidor. A lista grande do passo 9 fica sempre em memória.
lesson-reset = Recomeçar a aula
lesson-reset_hint = Fecha as janelas que a aula abriu, para o servidor que ela iniciou e volta ao passo 1.
lesson-note_queued = { $window } está conectada (TCP), mas o servidor sequencial está ocupado com outro cliente: ninguém a lê ainda, ela espera na fila do sistema.
lesson-note_waited = { $window } esperou { $time } pelo seu welcome.
lesson-note_sequential_held = O servidor está pausado enquanto atende a janela 1: a janela 1 espera a resposta, e o servidor sequencial não pode atender mais ninguém enquanto isso.
lesson-note_welcome_held = O servidor está pausado: ele retém o seu welcome. O cliente está conectado, mas não pode continuar: neste protocolo o servidor fala primeiro.
lesson-note_hello_held = O welcome saiu; o cliente respondeu com hello. Agora o servidor retém a resposta ao hello.
lesson-note_pieces = A partir de agora o servidor escreve cada linha em 4 pedaços, a 0,3 s um do outro: até uma resposta curta chega em várias leituras.

## Changed by someone else, export formats, students' addresses, idle timeout (app/src/client/form.rs, export, app/src/server)

form-changed_elsewhere = { $code } foi alterado por outra pessoa enquanto você editava. Nada foi sobrescrito.
form-changed_before_delete = { $code } foi alterado por outra pessoa desde que você o abriu, por isso não foi excluído.
form-deleted_elsewhere = { $code } foi excluído por outra pessoa. Não é mais possível salvá-lo.
form-theirs = Agora no servidor
form-yours = Seu formulário
form-take_theirs = Carregar a versão deles
form-overwrite = Salvar a minha mesmo assim
form-delete_anyway = Excluir mesmo assim
form-overwrite_hint = Substitui o que está agora no servidor, de propósito
form-took_theirs = { $code } atual carregado.
form-add_again = Adicionar de novo com estes valores
export-format_spreadsheet = Planilha em português (; e 2,50)
export-written_as = { $n ->
        [one] { $n } produto gravado
       *[other] { $n } produtos gravados
    } como { $format } em { $path }
export-mismatch = Nada foi gravado: o nome do arquivo termina em .{ $ext }, mas o formato escolhido é { $format }.
export-fix_extension = Gravar { $format } em { $path }
server-idle_timeout = Tempo ocioso máximo
server-idle_timeout_hint = Uma conexão que não envia nada por este tempo recebe um goodbye e é fechada. As janelas de cliente deste app enviam ping a cada 60 s; abaixo disso, uma janela que só observa é desconectada (e reconecta).
server-idle_is = tempo ocioso: { $s } s
teacher-title = Controles do professor: faça o servidor se comportar mal
teacher-explain = De propósito, para a aula: reter respostas, deixá-las lentas, mandá-las em pedaços, derrubar um cliente. Os clientes não têm acesso a isto.
teacher-pause = Pausar (reter todas as respostas)
teacher-pause_hint = Toda linha que o servidor escreve (welcome, respostas, notificações) espera até você liberar. Um goodbye nunca espera.
teacher-next = Próxima
teacher-release_all = Liberar todas
teacher-held = { $n ->
        [0] nada retido
        [one] { $n } resposta retida
       *[other] { $n } respostas retidas
    }
teacher-slow = Câmera lenta
teacher-slow_hint = Cada linha espera este tempo antes de ser escrita.
teacher-pieces = Mandar em pedaços
teacher-pieces_hint = Cada linha é escrita nesta quantidade de chamadas write(): com "mostrar leituras" o cliente vê uma mensagem chegar em várias leituras.
teacher-piece_pause = Pausa entre pedaços
sessions-drop = Derrubar #{ $id }
sessions-drop_hint = Fecha a conexão deste cliente na hora, sem goodbye: veja como a janela dele percebe.
server-students_type = Nos outros computadores, os alunos conectam a um destes endereços:
server-no_addresses = Nenhum endereço de rede encontrado além do próprio computador: ele está conectado a uma rede?

## lojinha-check: checking a student's server (check/)

check-header = Verificando o servidor em { $address }
check-summary = { $passed ->
        [one] { $passed } passou
       *[other] { $passed } passaram
    }, { $failed ->
        [one] { $failed } falhou
       *[other] { $failed } falharam
    }, { $not_reached ->
        [one] { $not_reached } não alcançada
       *[other] { $not_reached } não alcançadas
    }.
check-summary_all = { $passed ->
        [one] A verificação passou.
       *[other] Todas as { $passed } verificações passaram.
    }
check-not_reached = não alcançada: { $check } falhou antes
check-sent = enviado
check-expected = esperado
check-arrived = chegou
check-problem = problema
check-hint = dica
check-title-connect = Aceita uma conexão (v1)
check-title-welcome = Fala primeiro, com uma linha welcome (v2)
check-title-json-lines = Responde com linhas JSON-RPC 2.0 terminadas em \n
check-title-add = product.add de um produto válido devolve o produto (v3/v4)
check-title-list = product.list devolve o produto (v4)
check-title-big-product = Um produto maior que um read() chega inteiro (v5)
check-title-two-clients = Dois clientes ao mesmo tempo são atendidos (v5, threads)
check-title-get = product.get encontra um produto pelo código (exercício)
check-title-get-missing = product.get de um código que não existe responde 1001 (exercício)
check-title-parse-error = JSON inválido responde -32700 e a sessão continua
check-title-unknown-method = Um método desconhecido responde -32601
check-title-bad-params = Parâmetros inválidos respondem -32602
check-title-quit = quit responde bye e encerra a sessão
check-title-pipeline = Pedidos enviados de uma vez são respondidos em ordem
check-title-notify = Uma mudança feita por um cliente chega ao outro como notificação
check-expect-connect = o servidor aceita uma conexão TCP
check-expect-welcome = antes de o cliente dizer qualquer coisa, uma linha como {"{"}"jsonrpc":"2.0","method":"welcome","params":...{"}"} terminada em \n
check-expect-json-lines = uma linha terminada em \n com "jsonrpc":"2.0", o id do pedido e um result ou um error
check-expect-add = um result com o mesmo code, name, price_cents e quantity
check-expect-list = um result {"{"}"products":[...]{"}"} que inclui o produto que acabou de ser adicionado
check-expect-big-product = o produto com o nome de 200 caracteres, inteiro (o pedido tem cerca de 2,5 KiB, enviado em duas partes)
check-expect-two-clients = o segundo cliente recebe o welcome e a resposta enquanto o primeiro continua conectado; depois o primeiro também é respondido
check-expect-get = um result com o produto daquele código
check-expect-get-missing = um error com code 1001 (não encontrado)
check-expect-parse-error = um error -32700 com id null, e depois a resposta ao próximo pedido na mesma conexão
check-expect-unknown-method = um error -32601 (método não encontrado)
check-expect-bad-params = um error -32602 (parâmetros inválidos) para um preço negativo
check-expect-quit = o result {"{"}"bye":true{"}"}, e depois o servidor fecha a conexão
check-expect-pipeline = três respostas, na ordem dos três pedidos
check-expect-notify = o outro cliente recebe {"{"}"method":"product.added",...{"}"} com o produto novo
check-said-refused = não foi possível conectar: { $a }
check-said-silent = nenhuma resposta em { $s } s
check-said-no_newline = chegaram bytes, mas nenhum \n terminou a linha em { $s } s
check-said-closed = o servidor fechou a conexão
check-said-not_utf8 = a linha não é UTF-8 válido
check-said-not_json = a linha não é JSON: { $a }
check-said-not_jsonrpc = a mensagem não é JSON-RPC 2.0
check-said-not_welcome = a primeira linha não é uma notificação welcome
check-said-wrong_id = a resposta tem id { $b }, o pedido tinha id { $a }
check-said-error_answer = erro { $a }: { $b }
check-said-result_answer = um result em vez do erro { $a }
check-said-wrong_code = erro { $b } em vez de { $a }
check-said-wrong = a resposta não é a esperada
check-hint-refused = Nada escuta neste endereço. Seu servidor está rodando, nesta porta? Ele chamou bind e listen? Um servidor em outro computador precisa escutar em 0.0.0.0, não em 127.0.0.1.
check-hint-silent = Seu servidor não enviou nada em { $s } s. Talvez esteja esperando mais bytes, ou preso em outra chamada (recv, accept, um lock).
check-hint-no_newline = Seu servidor respondeu sem \n no fim da linha, então o cliente fica esperando o resto da mensagem. Envie json.dumps(resposta) + "\n".
check-hint-closed = Seu servidor fechou a conexão (ou travou) aqui. Veja se há um erro no terminal dele.
check-hint-not_utf8 = Seu servidor enviou bytes que não são UTF-8. Codifique o texto com .encode("utf-8") e nunca envie pickle: o protocolo é texto JSON.
check-hint-not_json = O que seu servidor enviou não é JSON. Envie json.dumps(...) de um dict, um por linha, e nada mais na linha (nem texto de print, nem o repr do Python com aspas simples).
check-hint-not_jsonrpc = Toda mensagem precisa de "jsonrpc": "2.0", e uma resposta precisa do "id" do pedido e de exatamente um entre "result" e "error".
check-hint-not_welcome = O servidor fala primeiro: logo depois do accept, envie {"{"}"jsonrpc":"2.0","method":"welcome","params":{"{"}"server":...,"protocol":1,"session":...{"}"}{"}"} e um \n, antes de ler qualquer coisa.
check-hint-wrong_id = A resposta precisa levar o mesmo "id" do pedido que ela responde (aqui { $a }), copiado exatamente, texto ou número.
check-hint-error_answer = Seu servidor respondeu com o erro { $a } ("{ $b }") onde se esperava um result.
check-hint-result_answer = Seu servidor respondeu com um result onde o protocolo pede o erro { $a }: uma resposta com "error": {"{"}"code": { $a }, "message": ...{"}"} e sem "result".
check-hint-wrong_code = O code do erro deveria ser { $a }, seu servidor enviou { $b }. Os códigos são fixados pelo protocolo para que todo cliente os entenda.
check-hint-list_shape = product.list responde {"{"}"products": [...], "next": ..., "total": ...{"}"}, um objeto com a lista dentro, não a lista sozinha.
check-hint-list_missing = O produto que acabou de ser adicionado não está no product.list. O add e o list usam a mesma lista (ou banco), compartilhada por todos os clientes?
check-hint-get_differs = product.get respondeu outro produto, não o daquele código. Procure pelo campo "code".
check-hint-add_differs = product.add precisa responder o produto como foi guardado: o mesmo code, name, price_cents e quantity.
check-hint-big_cut = Seu servidor tratou o primeiro recv() como se fosse a mensagem inteira. Uma mensagem pode chegar em pedaços: continue lendo e juntando os pedaços até achar o \n, e só então decodifique a linha.
check-hint-pipeline_lost = Os pedidos chegaram juntos e seu servidor não respondeu cada um. Um recv() pode trazer várias linhas: separe o que leu em cada \n, responda cada linha completa e guarde o resto para o próximo recv().
check-hint-pipeline_order = As respostas vieram em outra ordem que os pedidos. Responda as linhas de uma conexão uma depois da outra, na ordem em que chegaram.
check-hint-one_at_a_time = O segundo cliente não foi atendido enquanto o primeiro estava conectado: seu servidor atende um cliente de cada vez. Crie uma threading.Thread para cada cliente que o accept devolve (aula, v5).
check-hint-no_notification = O outro cliente não ouviu nada. Depois de um add bem-sucedido, envie {"{"}"jsonrpc":"2.0","method":"product.added","params":{"{"}"product":...{"}"}{"}"} a cada um dos outros clientes conectados (guarde uma lista dos sockets, com um lock).
check-hint-crashed = Seu servidor fechou a conexão depois de uma linha que não é JSON: provavelmente travou no json.loads. Capture o erro (try/except), responda -32700 e continue lendo.
check-hint-quit_answer = quit responde o result {"{"}"bye": true{"}"}.
check-hint-quit_open = Depois de responder ao quit, o servidor precisa fechar a conexão (conn.close()); o cliente está esperando por isso.

## The app's "Check a server" window (app/src/check)

app-check_server = Verificar um servidor
app-check_server_hint = Roda as verificações do lojinha-check contra qualquer servidor (o de um aluno, o deste aplicativo, o de outro computador) e diz o que está certo e onde ele quebra o protocolo.
checkwin-intro = Roda as verificações da aula, uma depois da outra, contra um servidor que diz falar o protocolo da Lojinha. Selecione uma verificação para ver a conversa.
checkwin-address = Endereço do servidor
checkwin-run = Rodar as verificações
checkwin-running = Verificando…
checkwin-none_yet = Nenhuma verificação rodou ainda.
checkwin-select = Selecione uma verificação para ver o que foi enviado e o que chegou.
checkwin-mark_passed = [ok]
checkwin-mark_failed = [falhou]
checkwin-mark_not_reached = [não alcançada]

## The lesson's Python code (teach/src/lesson/code.rs)

lesson-show_code = Mostrar o código (Python)
lesson-run_it = Para rodar: { $command }

## Report card per session in the server panel (app/src/server/report_card.rs)

sessions-report_card = Boletim
sessions-card_ok = { $good } ok
sessions-card_mistakes = { $good } ok, { $mistakes ->
        [one] { $mistakes } erro
       *[other] { $mistakes } erros
    }
sessions-mistake_not_json = linhas que não são JSON (-32700): o cliente precisa enviar json.dumps(...) e um \n
sessions-mistake_invalid_request = pedidos que não são JSON-RPC 2.0 (-32600): "jsonrpc": "2.0", um "method", um "id"
sessions-mistake_unknown_method = métodos desconhecidos (-32601): confira o nome do método
sessions-mistake_bad_params = parâmetros inválidos (-32602): um produto que quebra as regras
sessions-mistake_no_id = requisições enviadas sem "id" (nenhuma resposta pode vir): uma requisição precisa de um "id"
sessions-mistake_hello_again = "hello" enviado de novo na mesma conexão: uma vez basta
sessions-mistake_no_newline = uma última linha sem "\n": o cliente fechou a conexão em vez de terminar a linha (um servidor que lê até o "\n" esperaria o resto e nunca responderia)

## Salvar um log e seu diagrama; gravações de aula (app/src/log/save.rs, app/src/recording.rs)

save-open = Salvar…
save-open_hint = Salve o diagrama (SVG, PNG), o log (texto, Markdown, JSON Lines) ou a sessão inteira como gravação para abrir depois
save-path = Salvar em
save-format = Formato
save-format_svg = Diagrama em SVG
save-format_png = Diagrama em PNG
save-format_text = Log em texto
save-format_markdown = Log em Markdown
save-format_jsonl = Log em JSON Lines
save-format_recording = Gravação (.lojinha)
save-button = Salvar { $n ->
        [one] { $n } passo
       *[other] { $n } passos
    }
save-filtered = Só os { $n } de { $total } passos que o filtro do log mostra (limpe o filtro para salvar a sessão inteira).
save-range = Só uma parte da sessão:
save-range_from = de
save-range_to = até
save-selected = Só { $n } de { $total } passos: os do intervalo de tempo (e da busca no registro, se houver).
save-written_as = { $n ->
        [one] { $n } passo gravado
       *[other] { $n } passos gravados
    } como { $format } em { $path }
save-dialog_title = Salvar o log ou o diagrama
save-file_diagram = lojinha-diagrama
save-file_log = lojinha-log
save-file_recording = lojinha-aula
recording-open_button = Abrir uma gravação…
recording-open_hint = Reveja uma gravação salva com o "Salvar…" de um log: o log e o diagrama como eram, só para leitura, sem servidor
recording-open_title = Abrir uma gravação
recording-open_explain = Um arquivo .lojinha salvo com o "Salvar…" de um log: uma aula, ou o que o cliente de um aluno fez.
recording-path = Arquivo da gravação
recording-open = Abrir
recording-browse = Escolher…
recording-dialog_title = Abrir uma gravação
recording-no_path = Nenhum arquivo escolhido. Se nenhuma janela apareceu, digite o caminho do arquivo e clique em Abrir.
recording-window_title = Gravação: { $name }
recording-what = { $title }: { $n ->
        [one] { $n } passo
       *[other] { $n } passos
    }
recording-read_only = (uma gravação: só leitura)
recording-left_out = Os { $n } passos mais antigos ficaram de fora: o arquivo tem mais do que uma janela pode guardar.
recording-failed = Não foi possível abrir { $path }: { $error }
recording-too_large = o arquivo tem { $mb } MB, e uma gravação abre até { $max } MB
recording-not_a_recording = não é uma gravação do Lojinha (salve uma com o "Salvar…" de um log, formato "Gravação")
recording-newer = foi salva por um Lojinha mais novo (versão { $version } do formato): atualize o aplicativo
recording-line_too_long = a linha { $line } é longa demais
recording-bad_line = a linha { $line } está danificada ({ $error })
recording-out_of_order = a linha { $line } tem um passo fora de ordem
recording-incomplete = o arquivo termina antes da hora: { $n } de { $total } linhas
