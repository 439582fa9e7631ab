//! Every user-facing string, in English and Português (Brasil), looked up by
//! key. The language is a process-wide setting so a later runtime switch only
//! has to call [`set_language`]; UI code never holds translated text across
//! frames (log entries store data and are described when drawn).
//!
//! Placeholders are written `{name}` and filled by [`trf`].

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use lojinha_teach::Language;

static LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Switches every string of the app (the next frame draws in `language`).
pub fn set_language(language: Language) {
    LANGUAGE.store(u8::from(language == Language::PtBr), Ordering::Relaxed);
}

pub fn language() -> Language {
    match LANGUAGE.load(Ordering::Relaxed) {
        1 => Language::PtBr,
        _ => Language::En,
    }
}

/// The text for `key` in the current language (the key itself when missing,
/// so a forgotten entry is visible rather than fatal).
pub fn tr(key: &'static str) -> &'static str {
    let Some(&(en, pt)) = table().get(key) else {
        tracing::warn!("missing translation key {key}");
        return key;
    };
    match language() {
        Language::En => en,
        Language::PtBr => pt,
    }
}

/// [`tr`] with `{name}` placeholders replaced.
pub fn trf(key: &'static str, args: &[(&str, &str)]) -> String {
    let mut text = tr(key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// Whether `key` has an entry (tests check every key the code uses).
pub fn has_key(key: &str) -> bool {
    table().contains_key(key)
}

fn table() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static TABLE: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| ENTRIES.iter().map(|&(key, en, pt)| (key, (en, pt))).collect())
}

/// (key, English, Português (Brasil)).
const ENTRIES: &[(&str, &str, &str)] = &[
    // Main window
    ("app.title", "Lojinha", "Lojinha"),
    ("app.new_client", "New client window", "Nova janela de cliente"),
    ("app.windows_open", "Client windows open: {n}", "Janelas de cliente abertas: {n}"),
    ("app.client_name", "Name for new windows", "Nome das novas janelas"),
    ("app.default_client_name", "Client", "Cliente"),
    ("app.theme", "Theme", "Tema"),
    ("app.zoom_in", "Larger text (for projectors)", "Texto maior (para projetores)"),
    ("app.zoom_out", "Smaller text", "Texto menor"),
    (
        "app.window_failed",
        "Cannot open a client window: {error}",
        "Não foi possível abrir a janela de cliente: {error}",
    ),
    ("theme.system", "System", "Sistema"),
    ("theme.light", "Light", "Claro"),
    ("theme.dark", "Dark", "Escuro"),
    // Server panel
    ("server.title", "Server", "Servidor"),
    (
        "server.explain",
        "A server listens on an address; client windows (here or on other computers) connect to it.",
        "Um servidor escuta num endereço; janelas de cliente (aqui ou em outros computadores) se conectam a ele.",
    ),
    ("server.listen", "Listen address", "Endereço de escuta"),
    ("server.allow_remote", "Allow other computers", "Permitir outros computadores"),
    (
        "server.allow_remote_warning",
        "Listening on {addr}: anyone on your network can connect and change the catalog. There is no password.",
        "Escutando em {addr}: qualquer pessoa na sua rede pode se conectar e alterar o catálogo. Não há senha.",
    ),
    ("server.mode", "Mode", "Modo"),
    ("server.threaded", "Threaded (many clients)", "Com threads (vários clientes)"),
    ("server.sequential", "Sequential (one at a time)", "Sequencial (um por vez)"),
    ("server.db", "Database", "Banco de dados"),
    ("server.in_memory", "In memory (lost when stopped)", "Em memória (perdido ao parar)"),
    ("server.db_file", "Database file", "Arquivo do banco"),
    ("server.db_used", "Uses: {db}", "Usa: {db}"),
    ("server.seed_sample", "Add sample products when empty", "Adicionar produtos de exemplo se vazio"),
    ("server.token", "Access token (optional)", "Token de acesso (opcional)"),
    ("server.token_hint", "none: anyone may connect", "nenhum: qualquer um pode conectar"),
    (
        "server.token_help",
        "Clients must send this token in hello before any other request",
        "Os clientes precisam enviar este token no hello antes de qualquer outro pedido",
    ),
    ("server.start", "Start server", "Iniciar servidor"),
    ("server.stop", "Stop server", "Parar servidor"),
    ("server.starting", "Starting…", "Iniciando…"),
    ("server.stopping", "Stopping (saying goodbye to clients)…", "Parando (despedindo-se dos clientes)…"),
    ("server.err_start", "Cannot start the server: {error}", "Não foi possível iniciar o servidor: {error}"),
    (
        "server.bind_failed",
        "cannot listen on {addr}: {detail}",
        "não foi possível escutar em {addr}: {detail}",
    ),
    (
        "server.bind_in_use",
        "the port is in use (is another server running? pick another port)",
        "a porta está em uso (outro servidor está rodando? escolha outra porta)",
    ),
    (
        "server.bind_privileged",
        "ports below 1024 need privileges: pick a port from 1024 to 65535",
        "portas abaixo de 1024 exigem privilégios: escolha uma porta de 1024 a 65535",
    ),
    (
        "server.bind_bad_address",
        "write the address as host:port, e.g. 127.0.0.1:5050",
        "escreva o endereço como host:porta, por exemplo 127.0.0.1:5050",
    ),
    (
        "server.bind_no_such_address",
        "this computer has no such address",
        "este computador não tem esse endereço",
    ),
    (
        "server.db_locked",
        "the database {path} is in use by another process (is another server using it?)",
        "o banco de dados {path} está em uso por outro processo (outro servidor o está usando?)",
    ),
    (
        "server.db_corrupt",
        "the database {path} is damaged or is not a Lojinha database ({detail})",
        "o banco de dados {path} está danificado ou não é um banco da Lojinha ({detail})",
    ),
    (
        "server.db_open",
        "cannot open the database {path}: {detail}",
        "não foi possível abrir o banco de dados {path}: {detail}",
    ),
    ("server.no_thread", "cannot start a thread: {detail}", "não foi possível iniciar uma thread: {detail}"),
    (
        "server.err_db_dir",
        "Cannot create the folder {path}: {error}",
        "Não foi possível criar a pasta {path}: {error}",
    ),
    ("server.running", "Running on {addr}", "Rodando em {addr}"),
    (
        "server.not_running",
        "The server is not running. Press \"Start server\".",
        "O servidor não está rodando. Clique em \"Iniciar servidor\".",
    ),
    ("server.uptime", "up for {uptime}", "no ar há {uptime}"),
    ("server.products", "{n} products", "{n} produtos"),
    ("server.mode_is", "mode: {mode}", "modo: {mode}"),
    ("server.mode_threaded", "threaded", "com threads"),
    ("server.mode_sequential", "sequential", "sequencial"),
    ("server.db_is", "database: {db}", "banco: {db}"),
    ("server.sessions", "Sessions ({n})", "Sessões ({n})"),
    ("sessions.id", "Id", "Id"),
    ("sessions.client", "Client", "Cliente"),
    ("sessions.peer", "Peer", "Endereço"),
    ("sessions.since", "Connected", "Conectado"),
    ("sessions.requests", "Requests", "Requisições"),
    ("sessions.unnamed", "(no hello yet)", "(ainda sem hello)"),
    ("sessions.ago", "{time} ago", "há {time}"),
    ("time.under_a_minute", "less than a minute", "menos de um minuto"),
    ("time.minutes", "{m} min", "{m} min"),
    ("time.hours", "{h} h {m} min", "{h} h {m} min"),
    // Client window
    ("client.window_title", "Client window {n}", "Janela de cliente {n}"),
    ("client.name", "Client name", "Nome do cliente"),
    ("client.name_hint", "sent in hello", "enviado no hello"),
    ("client.token", "Token", "Token"),
    ("client.token_hint", "if required", "se exigido"),
    ("client.address", "Server", "Servidor"),
    ("client.address_hint", "host:port", "host:porta"),
    ("client.connect", "Connect", "Conectar"),
    (
        "client.connect_local",
        "Connect to this app's server ({addr})",
        "Conectar ao servidor deste app ({addr})",
    ),
    (
        "client.connect_local_none",
        "Connect to this app's server (not running)",
        "Conectar ao servidor deste app (parado)",
    ),
    ("client.disconnect", "Disconnect", "Desconectar"),
    ("client.auto_reconnect", "Reconnect automatically", "Reconectar automaticamente"),
    ("client.reconnect", "Reconnect", "Reconectar"),
    (
        "client.idle",
        "Not connected. Connect to this app's server, or type host:port and press Connect.",
        "Desconectado. Conecte ao servidor deste app, ou digite host:porta e clique em Conectar.",
    ),
    ("client.connecting", "Connecting to {addr}…", "Conectando a {addr}…"),
    (
        "client.reconnecting",
        "Reconnecting to {addr} (attempt {attempt})…",
        "Reconectando a {addr} (tentativa {attempt})…",
    ),
    ("client.connected", "Connected to {peer}, session #{session}", "Conectado a {peer}, sessão #{session}"),
    (
        "client.no_server",
        "No server is listening at {addr} (connection refused). Start one with \"Start server\" in the main window, or check the address.",
        "Nenhum servidor escutando em {addr} (conexão recusada). Inicie um com \"Iniciar servidor\" na janela principal, ou confira o endereço.",
    ),
    ("client.lost", "Connection lost: {reason}", "Conexão perdida: {reason}"),
    (
        "err.resolve",
        "Cannot find the host in {addr}: {detail}",
        "Não foi possível encontrar o host em {addr}: {detail}",
    ),
    (
        "err.no_port",
        "The address {addr} has no port: write it as host:port, e.g. 127.0.0.1:5050",
        "O endereço {addr} não tem porta: escreva host:porta, por exemplo 127.0.0.1:5050",
    ),
    ("err.connect", "Cannot connect to {addr}: {detail}", "Não foi possível conectar a {addr}: {detail}"),
    ("err.timeout", "The server did not answer in time", "O servidor não respondeu a tempo"),
    ("err.io", "Connection error: {detail}", "Erro na conexão: {detail}"),
    (
        "err.protocol",
        "The server sent something unexpected: {detail}",
        "O servidor enviou algo inesperado: {detail}",
    ),
    ("err.not_found", "Product not found: {code}", "Produto não encontrado: {code}"),
    ("err.exists", "A product with code {code} already exists", "Já existe um produto com o código {code}"),
    (
        "err.changed",
        "Product {code} was changed by someone else since you read it",
        "O produto {code} foi alterado por outra pessoa desde que você o leu",
    ),
    (
        "err.token_required",
        "This server requires an access token: type it in the Token field (access token required)",
        "Este servidor exige um token de acesso: digite-o no campo Token (access token required)",
    ),
    ("err.token_wrong", "The access token is wrong", "O token de acesso está errado"),
    ("err.invalid_params", "Invalid {field}: {reason}", "Valor inválido em {field}: {reason}"),
    (
        "err.parse",
        "The server could not read the message as JSON: {detail}",
        "O servidor não conseguiu ler a mensagem como JSON: {detail}",
    ),
    ("err.json_at", "{what} (line {line}, column {column})", "{what} (linha {line}, coluna {column})"),
    (
        "err.json_expected_value",
        "a value was expected (text needs quotes; true, false and null are lowercase)",
        "esperava um valor (textos vão entre aspas; true, false e null em minúsculas)",
    ),
    ("err.json_eof", "the message ends in the middle", "a mensagem termina no meio"),
    ("err.json_trailing", "there is more after the JSON value", "há algo depois do valor JSON"),
    ("err.json_trailing_comma", "a comma before a closing bracket", "uma vírgula antes do fechamento"),
    (
        "err.json_unicode",
        "text that is not valid UTF-8 or Unicode",
        "um texto que não é UTF-8 ou Unicode válido",
    ),
    (
        "err.json_key",
        "an object key must be a string in quotes",
        "a chave de um objeto deve ser um texto entre aspas",
    ),
    ("err.json_comma", "a comma or a closing bracket was expected", "esperava uma vírgula ou o fechamento"),
    ("err.json_colon", "a colon (:) was expected after the key", "esperava dois-pontos (:) depois da chave"),
    ("err.json_escape", "an invalid escape (\\) in a string", "um escape (\\) inválido num texto"),
    ("err.json_number", "an invalid number", "um número inválido"),
    (
        "err.json_control",
        "a control character inside a string",
        "um caractere de controle dentro de um texto",
    ),
    (
        "err.invalid_request",
        "Not a valid JSON-RPC request ({detail})",
        "Não é um pedido JSON-RPC válido ({detail})",
    ),
    ("err.req_empty_batch", "an empty batch ([])", "um lote vazio ([])"),
    ("err.req_batch_too_large", "a batch of more than {max} requests", "um lote com mais de {max} pedidos"),
    ("err.req_not_object", "a request must be a JSON object", "um pedido deve ser um objeto JSON"),
    (
        "err.req_bad_id",
        "the id must be a string or an integer",
        "o id deve ser um texto ou um número inteiro",
    ),
    ("err.req_bad_version", "jsonrpc must be \"2.0\"", "jsonrpc deve ser \"2.0\""),
    ("err.req_method_not_string", "method must be a string", "method deve ser um texto"),
    ("err.req_method_missing", "method is missing", "falta o method"),
    ("err.req_bad_params", "params must be an object or an array", "params deve ser um objeto ou um array"),
    (
        "err.req_too_many_values",
        "the message holds too many values (at most {max} in one line)",
        "a mensagem tem valores demais (no máximo {max} numa linha)",
    ),
    (
        "err.req_duplicate_key",
        "an object in the request has the same key twice",
        "um objeto do pedido tem a mesma chave duas vezes",
    ),
    (
        "err.req_frame_too_large",
        "the message is longer than the limit of {limit} bytes",
        "a mensagem passa do limite de {limit} bytes",
    ),
    ("err.method", "Unknown method: {method}", "Método desconhecido: {method}"),
    (
        "err.internal",
        "The server could not store it ({detail})",
        "O servidor não conseguiu gravar ({detail})",
    ),
    ("err.storage_full", "its disk is full", "o disco dele está cheio"),
    (
        "err.catalog_full",
        "its catalog holds as many products as it allows",
        "o catálogo dele já tem o máximo de produtos que ele permite",
    ),
    ("err.storage_stopping", "it is shutting down", "ele está sendo encerrado"),
    ("err.storage_read_only", "its database is read-only", "o banco de dados dele é somente leitura"),
    (
        "err.storage_locked",
        "its database is locked by another program",
        "o banco de dados dele está bloqueado por outro programa",
    ),
    ("err.storage_io", "a disk error", "um erro de disco"),
    (
        "err.lookup_unknown",
        "no such name (check the spelling, or use an IP address)",
        "esse nome não existe (confira a grafia, ou use um endereço IP)",
    ),
    ("err.lookup_no_address", "the name has no address", "o nome não tem endereço"),
    (
        "err.lookup_no_answer",
        "the name service did not answer (is there a network?)",
        "o serviço de nomes não respondeu (há rede?)",
    ),
    // Product fields named in errors (the wire name kept beside the translation)
    ("field.code", "code", "código (code)"),
    ("field.name", "name", "nome (name)"),
    ("field.price_cents", "price_cents", "preço em centavos (price_cents)"),
    ("field.quantity", "quantity", "quantidade (quantity)"),
    // Rules a field broke (the `reason` of a -32602 error)
    ("rule.required", "is required", "é obrigatório"),
    ("rule.empty", "must not be empty", "não pode ficar vazio"),
    ("rule.not_string", "must be a string", "deve ser um texto (string)"),
    ("rule.not_object", "must be an object", "deve ser um objeto JSON"),
    ("rule.too_long", "must be at most {max} characters", "deve ter no máximo {max} caracteres"),
    (
        "rule.too_long_has",
        "must be at most {max} characters (has {has})",
        "deve ter no máximo {max} caracteres (tem {has})",
    ),
    (
        "rule.character",
        "character {char} is not allowed (use A-Z a-z 0-9 . _ -)",
        "o caractere {char} não é permitido (use A-Z a-z 0-9 . _ -)",
    ),
    ("rule.control", "must not contain control characters", "não pode conter caracteres de controle"),
    (
        "rule.bidi",
        "must not contain characters that reverse the text direction",
        "não pode conter caracteres que invertem a direção do texto",
    ),
    ("rule.nothing_visible", "must contain a visible character", "precisa ter um caractere visível"),
    (
        "rule.integer_range",
        "must be a whole number from {min} to {max}",
        "deve ser um número inteiro de {min} a {max}",
    ),
    ("rule.length_range", "must be {min} to {max} characters", "deve ter de {min} a {max} caracteres"),
    (
        "rule.token_too_long",
        "must be a string of at most {max} bytes",
        "deve ser um texto de no máximo {max} bytes",
    ),
    ("rule.unknown_field", "is not a product field", "não é um campo de produto"),
    ("rule.unknown_parameter", "is not a parameter of this method", "não é um parâmetro deste método"),
    (
        "rule.too_many_positional",
        "at most {max} positional parameters",
        "no máximo {max} parâmetros posicionais",
    ),
    ("client.retry_in", "Trying again in {secs} s.", "Tentando de novo em {secs} s."),
    ("client.disconnected_by_you", "you disconnected", "você desconectou"),
    (
        "client.gave_up",
        "Stopped connecting to {addr}: you left before it answered",
        "Parou de conectar a {addr}: você saiu antes da resposta",
    ),
    ("client.not_connected", "Not connected", "Não conectado"),
    (
        "client.no_address",
        "Type the server's address (host:port) first.",
        "Digite antes o endereço do servidor (host:porta).",
    ),
    (
        "client.thread_gone",
        "The network thread stopped; close this window and open another.",
        "A thread de rede parou; feche esta janela e abra outra.",
    ),
    // Table
    ("table.filter", "Filter", "Filtrar"),
    ("table.filter_hint", "code or name", "código ou nome"),
    ("table.reload", "Reload", "Recarregar"),
    ("table.count", "{shown} of {total} products", "{shown} de {total} produtos"),
    (
        "table.over_max",
        "The server sent more products than the table holds ({max}): {n} not shown",
        "O servidor enviou mais produtos do que a tabela comporta ({max}): {n} não mostrados",
    ),
    (
        "table.malformed",
        "{n} products from the server broke the rules (code or name too long) and are not shown",
        "{n} produtos do servidor quebram as regras (código ou nome longo demais) e não são mostrados",
    ),
    (
        "client.commands_full",
        "The connection is busy: too many requests are waiting. Try again in a moment.",
        "A conexão está ocupada: há pedidos demais esperando. Tente de novo daqui a pouco.",
    ),
    ("table.loading", "Loading {loaded} of {total}", "Carregando {loaded} de {total}"),
    ("table.code", "Code", "Código"),
    ("table.name", "Name", "Nome"),
    ("table.price", "Price", "Preço"),
    ("table.quantity", "Quantity", "Quantidade"),
    ("table.sort_hint", "Click to sort; again to reverse", "Clique para ordenar; de novo para inverter"),
    // Form
    ("form.title_add", "Add a product", "Adicionar produto"),
    ("form.title_edit", "Edit {code}", "Editar {code}"),
    ("form.code", "Code", "Código"),
    ("form.code_hint", "e.g. CAN-001", "ex.: CAN-001"),
    ("form.name", "Name", "Nome"),
    ("form.name_hint", "e.g. Caneta azul", "ex.: Caneta azul"),
    ("form.price", "Price (R$)", "Preço (R$)"),
    ("form.price_hint", "e.g. 2,50", "ex.: 2,50"),
    ("form.quantity", "Quantity", "Quantidade"),
    ("form.quantity_hint", "0 if empty", "0 se vazio"),
    ("form.add", "Add product", "Adicionar produto"),
    ("form.save", "Save changes", "Salvar alterações"),
    ("form.new", "New product", "Novo produto"),
    ("form.delete", "Delete…", "Excluir…"),
    (
        "form.confirm_delete",
        "Delete {code} for everyone? This cannot be undone.",
        "Excluir {code} para todos? Não dá para desfazer.",
    ),
    ("form.confirm_yes", "Yes, delete", "Sim, excluir"),
    ("form.confirm_no", "Cancel", "Cancelar"),
    ("form.added", "Added {code}.", "{code} adicionado."),
    ("form.saved", "Saved {code}.", "{code} salvo."),
    ("form.deleted", "Deleted {code}.", "{code} excluído."),
    ("form.fix_fields", "Please fix the fields marked in red.", "Corrija os campos marcados em vermelho."),
    ("form.err.required", "Required", "Obrigatório"),
    (
        "form.err.name",
        "1 to 200 characters, no control characters",
        "1 a 200 caracteres, sem caracteres de controle",
    ),
    ("form.err.price", "Type a price such as 2,50", "Digite um preço como 2,50"),
    ("form.err.price_decimals", "At most two decimal places", "No máximo duas casas decimais"),
    ("form.err.price_too_large", "Too large", "Grande demais"),
    ("form.err.quantity", "A whole number from 0 to 1,000,000,000", "Um número inteiro de 0 a 1.000.000.000"),
    ("form.err.server", "Server: {reason}", "Servidor: {reason}"),
    // Fetch
    ("fetch.title", "Fetch by code", "Buscar por código"),
    ("fetch.code", "Code to fetch", "Código a buscar"),
    ("fetch.hint", "e.g. CAN-001", "ex.: CAN-001"),
    ("fetch.button", "Fetch", "Buscar"),
    (
        "fetch.found",
        "Found {code}: {name}, {price}, {quantity} in stock",
        "Encontrado {code}: {name}, {price}, {quantity} em estoque",
    ),
    (
        "fetch.not_found",
        "Not found: no product has code {code}",
        "Não encontrado: nenhum produto tem o código {code}",
    ),
    // Export
    ("export.title", "Export the list", "Exportar a lista"),
    ("export.path", "File", "Arquivo"),
    ("export.path_hint", "/home/me/products.csv", "/home/eu/produtos.csv"),
    ("export.button", "Export {n} products", "Exportar {n} produtos"),
    ("export.dialog", "Save as…", "Salvar como…"),
    ("export.written", "Wrote {n} products to {path}", "{n} produtos gravados em {path}"),
    ("export.failed", "Cannot write {path}: {error}", "Não foi possível gravar {path}: {error}"),
    (
        "export.no_path",
        "No file chosen. If no dialog appeared, type a path above and press Export.",
        "Nenhum arquivo escolhido. Se nenhuma janela apareceu, digite um caminho acima e clique em Exportar.",
    ),
    // Log
    ("log.title_client", "Connection log", "Registro da conexão"),
    ("log.title_server", "Server log", "Registro do servidor"),
    ("log.filter", "Search the log", "Buscar no registro"),
    ("log.filter_hint", "method, text, JSON", "método, texto, JSON"),
    ("log.auto_scroll", "Auto-scroll", "Rolar sozinho"),
    ("log.clear", "Clear", "Limpar"),
    ("log.count", "{n} steps", "{n} passos"),
    (
        "log.not_shown",
        "{n} events not shown (they came faster than the window could show them)",
        "{n} eventos não mostrados (chegaram mais rápido do que a janela consegue mostrar)",
    ),
    (
        "log.raw_cut",
        "({n} more bytes of this message were not kept)",
        "({n} bytes a mais desta mensagem não foram guardados)",
    ),
    ("log.col.time", "Time", "Tempo"),
    ("log.col.dir", "Dir", "Dir"),
    ("log.col.session", "Sess", "Sess"),
    ("log.col.step", "Step", "Passo"),
    ("log.col.detail", "Detail", "Detalhe"),
    ("log.col.bytes", "Bytes", "Bytes"),
    ("log.col.rtt", "Time taken", "Duração"),
    ("log.copy_json", "Copy JSON", "Copiar JSON"),
    ("log.close_detail", "Close", "Fechar"),
    ("log.go_response", "Go to its response", "Ir para a resposta"),
    ("log.go_request", "Go to its request", "Ir para a requisição"),
    ("log.no_raw", "(no message: a local event)", "(sem mensagem: evento local)"),
    ("log.raw_json", "Raw JSON", "JSON bruto"),
    ("log.d.request", "{method} (id {id})", "{method} (id {id})"),
    ("log.d.response", "answer to {method} (id {id})", "resposta a {method} (id {id})"),
    (
        "log.d.error_response",
        "error for {method} (id {id}): {message}",
        "erro em {method} (id {id}): {message}",
    ),
    ("log.d.error_plain", "error (id {id}): {message}", "erro (id {id}): {message}"),
    ("step.listening", "listening", "escutando"),
    ("step.connecting", "connecting", "conectando"),
    ("step.connected", "connected", "conectado"),
    ("step.session_opened", "session opened", "sessão aberta"),
    ("step.welcome", "welcome", "welcome"),
    ("step.hello", "hello", "hello"),
    ("step.request", "request", "requisição"),
    ("step.response", "response", "resposta"),
    ("step.error_response", "error response", "resposta de erro"),
    ("step.batch", "batch", "lote"),
    ("step.notification", "notification", "notificação"),
    ("step.goodbye", "goodbye", "goodbye"),
    ("step.garbage", "not JSON-RPC", "não é JSON-RPC"),
    ("step.read", "read", "leitura"),
    ("step.error", "error", "erro"),
    ("step.closed", "closed", "fechada"),
    ("step.stopped", "stopped", "parado"),
    // Language, lesson, diagram
    ("app.language", "Language", "Idioma"),
    ("app.lesson", "Lesson", "Aula"),
    ("app.lesson_hint", "Show or hide the lesson panel", "Mostrar ou esconder o painel da aula"),
    ("lesson.title", "Lesson", "Aula"),
    ("lesson.working", "Doing it…", "Executando…"),
    ("lesson.threads_title", "Threads demo", "Demonstração de threads"),
    ("lesson.close_threads", "Close the threads demo", "Fechar a demonstração de threads"),
    (
        "lesson.no_client",
        "No client window is connected to this app's server.",
        "Nenhuma janela de cliente está conectada ao servidor deste app.",
    ),
    ("lesson.server_failed", "The server did not start: {error}", "O servidor não iniciou: {error}"),
    (
        "lesson.timeout_server",
        "The lesson gave up waiting for the server to start or stop.",
        "A aula desistiu de esperar o servidor iniciar ou parar.",
    ),
    (
        "lesson.timeout_connect",
        "The lesson gave up waiting for a client window to connect.",
        "A aula desistiu de esperar uma janela de cliente se conectar.",
    ),
    (
        "lesson.timeout_disconnect",
        "The lesson gave up waiting for a client window to disconnect.",
        "A aula desistiu de esperar uma janela de cliente se desconectar.",
    ),
    (
        "lesson.timeout_answer",
        "The lesson gave up waiting for the server's answer.",
        "A aula desistiu de esperar a resposta do servidor.",
    ),
    (
        "lesson.timeout_threads",
        "The lesson gave up waiting for the threads demo.",
        "A aula desistiu de esperar a demonstração de threads.",
    ),
    ("lesson.sample_name", "Lesson notebook", "Caderno da aula"),
    ("diagram.title", "Sequence diagram", "Diagrama de sequência"),
    // Client window: reads, console, import
    ("client.show_reads", "Show reads", "Mostrar leituras"),
    (
        "client.show_reads_hint",
        "Log every read() and its size (from the next connection)",
        "Registrar cada read() e seu tamanho (a partir da próxima conexão)",
    ),
    ("console.title", "Raw console", "Console bruto"),
    (
        "console.explain",
        "Type any text and send it as-is, like nc. The answer shows in the log and the diagram.",
        "Digite qualquer texto e envie como está, como no nc. A resposta aparece no registro e no diagrama.",
    ),
    ("console.examples", "Examples:", "Exemplos:"),
    ("console.ex_valid", "valid call", "chamada válida"),
    ("console.ex_batch", "batch", "lote"),
    ("console.ex_invalid", "invalid JSON", "JSON inválido"),
    ("console.ex_unknown", "unknown method", "método desconhecido"),
    ("console.message", "Raw message", "Mensagem bruta"),
    ("console.hint", "{\"jsonrpc\":\"2.0\", ...}", "{\"jsonrpc\":\"2.0\", ...}"),
    ("console.send", "Send raw", "Enviar bruto"),
    ("export.file_name", "lojinha-products", "lojinha-produtos"),
    ("export.dialog_title", "Export the product list", "Exportar a lista de produtos"),
    ("import.title", "Import products", "Importar produtos"),
    ("import.dialog_title", "Import products from a file", "Importar produtos de um arquivo"),
    ("import.dialog_filter", "CSV or JSON", "CSV ou JSON"),
    (
        "import.explain",
        "CSV or JSON as exported here, or a spreadsheet's CSV (; and decimal commas). Each product is added through the server.",
        "CSV ou JSON como exportados aqui, ou o CSV de uma planilha (; e vírgula decimal). Cada produto é adicionado pelo servidor.",
    ),
    ("import.path", "File to import", "Arquivo a importar"),
    ("import.button", "Import", "Importar"),
    ("import.dialog", "Open…", "Abrir…"),
    ("import.progress", "Adding {done} of {total}", "Adicionando {done} de {total}"),
    (
        "import.summary",
        "Import done: {added} added, {skipped} skipped",
        "Importação concluída: {added} adicionados, {skipped} ignorados",
    ),
    ("import.skipped_line", "line {line}: {reason}", "linha {line}: {reason}"),
    ("import.refused", "{code}: server said {error}", "{code}: o servidor respondeu {error}"),
    ("import.more", "… and {n} more", "… e mais {n}"),
    ("import.failed", "Cannot import {path}: {error}", "Não foi possível importar {path}: {error}"),
    (
        "import.no_path",
        "No file chosen. If no dialog appeared, type a path above and press Import.",
        "Nenhum arquivo escolhido. Se nenhuma janela apareceu, digite um caminho acima e clique em Importar.",
    ),
    // Why an imported record or file was left out
    ("skip.rule", "{field}: {reason}", "{field}: {reason}"),
    ("skip.price_empty", "price is empty", "o preço está vazio"),
    ("skip.price_not_number", "price is not a number: '{raw}'", "o preço não é um número: '{raw}'"),
    ("skip.price_too_large", "price is too large: '{raw}'", "o preço é grande demais: '{raw}'"),
    (
        "skip.price_decimals",
        "price has more than 2 decimal places: '{raw}'",
        "o preço tem mais de 2 casas decimais: '{raw}'",
    ),
    (
        "skip.not_whole",
        "{column} is not a whole number: '{raw}'",
        "{column} não é um número inteiro: '{raw}'",
    ),
    ("skip.column_empty", "{column} is empty", "{column} está vazio"),
    (
        "skip.field_count",
        "the row has {has} fields but the header has {header}",
        "a linha tem {has} campos, mas o cabeçalho tem {header}",
    ),
    ("skip.unclosed_quote", "a quoted field is never closed", "um campo entre aspas nunca é fechado"),
    (
        "skip.price_mismatch",
        "price '{price}' and price_cents '{cents}' disagree: correct one of them, or delete one of the two columns",
        "price '{price}' e price_cents '{cents}' não batem: corrija um deles, ou apague uma das duas colunas",
    ),
    (
        "skip.duplicate_line",
        "duplicate code '{code}' (first on line {first})",
        "código '{code}' repetido (aparece antes na linha {first})",
    ),
    (
        "skip.duplicate_item",
        "duplicate code '{code}' (first as item {first})",
        "código '{code}' repetido (aparece antes no item {first})",
    ),
    ("skip.file_empty", "the file is empty", "o arquivo está vazio"),
    (
        "skip.not_json",
        "the file is not valid JSON: {what} (line {line}, column {column})",
        "o arquivo não é um JSON válido: {what} (linha {line}, coluna {column})",
    ),
    ("skip.not_array", "expected a JSON array of products", "esperava um array JSON de produtos"),
    (
        "skip.missing_column",
        "the header has no {column} column (it has: {header})",
        "o cabeçalho não tem a coluna {column} (tem: {header})",
    ),
    ("skip.column_code", "'code'", "'código' (ou 'code')"),
    ("skip.column_name", "'name'", "'nome' (ou 'name')"),
    ("skip.column_price", "'price_cents' or 'price'", "'preço' (ou 'price', 'price_cents')"),
    // Files
    ("file.not_found", "the file does not exist", "o arquivo não existe"),
    ("file.permission", "permission denied", "permissão negada"),
    ("file.is_directory", "that is a folder, not a file", "isso é uma pasta, não um arquivo"),
    ("file.disk_full", "the disk is full", "o disco está cheio"),
    ("file.other", "{detail}", "{detail}"),
    // --- forms branch ---
    (
        "form.changed_elsewhere",
        "{code} was changed by someone else while you were editing it. Nothing was overwritten.",
        "{code} foi alterado por outra pessoa enquanto você editava. Nada foi sobrescrito.",
    ),
    (
        "form.changed_before_delete",
        "{code} was changed by someone else since you opened it, so it was not deleted.",
        "{code} foi alterado por outra pessoa desde que você o abriu, por isso não foi excluído.",
    ),
    (
        "form.deleted_elsewhere",
        "{code} was deleted by someone else. It can no longer be saved.",
        "{code} foi excluído por outra pessoa. Não é mais possível salvá-lo.",
    ),
    ("form.theirs", "Now on the server", "Agora no servidor"),
    ("form.yours", "Your form", "Seu formulário"),
    ("form.take_theirs", "Load their version", "Carregar a versão deles"),
    ("form.overwrite", "Save mine anyway", "Salvar a minha mesmo assim"),
    ("form.delete_anyway", "Delete anyway", "Excluir mesmo assim"),
    (
        "form.overwrite_hint",
        "Replaces what is on the server now, on purpose",
        "Substitui o que está agora no servidor, de propósito",
    ),
    ("form.took_theirs", "Loaded the current {code}.", "{code} atual carregado."),
    ("form.add_again", "Add it again with these values", "Adicionar de novo com estes valores"),
    (
        "export.format_spreadsheet",
        "Spreadsheet in Portuguese (; and 2,50)",
        "Planilha em português (; e 2,50)",
    ),
    (
        "export.written_as",
        "Wrote {n} products as {format} to {path}",
        "{n} produtos gravados como {format} em {path}",
    ),
    (
        "export.mismatch",
        "Nothing was written: the file name ends in .{ext}, but the format chosen is {format}.",
        "Nada foi gravado: o nome do arquivo termina em .{ext}, mas o formato escolhido é {format}.",
    ),
    ("export.fix_extension", "Write {format} to {path}", "Gravar {format} em {path}"),
    ("server.idle_timeout", "Idle timeout", "Tempo ocioso máximo"),
    (
        "server.idle_timeout_hint",
        "A connection that sends nothing for this long gets a goodbye and is closed. Client windows of this app ping every 60 s, so below that a window that only watches is dropped (and reconnects).",
        "Uma conexão que não envia nada por este tempo recebe um goodbye e é fechada. As janelas de cliente deste app enviam ping a cada 60 s; abaixo disso, uma janela que só observa é desconectada (e reconecta).",
    ),
    ("server.idle_is", "idle timeout: {s} s", "tempo ocioso: {s} s"),
    (
        "server.students_type",
        "On other computers, students connect to one of these addresses:",
        "Nos outros computadores, os alunos conectam a um destes endereços:",
    ),
    (
        "server.no_addresses",
        "No network address found besides this computer's own: is it connected to a network?",
        "Nenhum endereço de rede encontrado além do próprio computador: ele está conectado a uma rede?",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry has both languages, and no key appears twice.
    #[test]
    fn entries_are_complete_and_unique() {
        assert_eq!(table().len(), ENTRIES.len(), "a key appears twice");
        for (key, en, pt) in ENTRIES {
            assert!(!en.is_empty() && !pt.is_empty(), "{key} lacks a translation");
        }
        set_language(Language::PtBr);
        assert_eq!(trf("table.count", &[("shown", "1"), ("total", "2")]), "1 de 2 produtos");
        set_language(Language::En);
    }
}
