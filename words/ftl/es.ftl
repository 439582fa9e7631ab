# Lojinha: todas las palabras de la aplicación, en español neutro (América Latina).
# Los ids son los mismos de en.ftl; { $nombre } lo completa el código.
# Los números dados como números eligen la forma plural: { $n -> [one] ... *[other] ... }.

## Main window

app-title = Lojinha
app-new_client = Nueva ventana de cliente
app-windows_open = Ventanas de cliente abiertas: { $n }
app-client_name = Nombre de las nuevas ventanas
app-default_client_name = Cliente
app-theme = Tema
app-zoom_in = Texto más grande (para proyectores)
app-zoom_out = Texto más pequeño
app-window_failed = No se pudo abrir la ventana de cliente: { $error }
theme-system = Sistema
theme-light = Claro
theme-dark = Oscuro

## Server panel

server-title = Servidor
server-explain = Un servidor escucha en una dirección; las ventanas de cliente (aquí o en otras computadoras) se conectan a él.
server-listen = Dirección de escucha
server-allow_remote = Permitir otras computadoras
server-allow_remote_warning =
    Escuchando en { $addr }: cualquier persona de tu red puede conectarse y cambiar el catálogo. No hay contraseña.
server-mode = Modo
server-threaded = { server-mode_threaded } (varios clientes)
server-sequential = { server-mode_sequential } (uno a la vez)
server-db = Base de datos
server-in_memory = En memoria (se pierde al detenerlo)
server-db_file = Archivo de la base de datos
server-db_used = Usa: { $db }
server-seed_sample = Agregar productos de ejemplo si está vacía
server-catalog_file = En un archivo SQLite (esta computadora)
server-catalog_shared = PostgreSQL compartido (varios servidores, un catálogo)
server-postgres = Cadena de conexión
server-postgres_help = Servidores en varias computadoras pueden mantener un solo catálogo en PostgreSQL: cada cliente ve cada cambio, sin importar a qué servidor esté conectado. Una URL postgres:// o host=… dbname=…; la contraseña se guarda solo durante esta ejecución (o usa PGPASSWORD).
server-postgres_test = Probar
server-postgres_testing = Conectando…
server-postgres_needed = Escribe la cadena de conexión de la base compartida y pulsa Probar.
server-postgres_empty = Se alcanzó PostgreSQL { $version }. Todavía no hay catálogo: el servidor lo crea al iniciar.
server-postgres_reached = Se alcanzó PostgreSQL { $version }. Su catálogo tiene { $n ->
    [one] 1 producto
   *[other] { $n } productos
}.
server-postgres_newer = Se alcanzó PostgreSQL { $version }, pero su catálogo lo creó una Lojinha más nueva (esquema { $schema }): este servidor lo rechazaría.
server-token = Token de acceso (opcional)
server-token_hint = ninguno: cualquiera puede conectarse
server-token_help = Los clientes deben enviar este token en hello antes de cualquier otra solicitud
server-start = Iniciar servidor
server-stop = Detener servidor
server-starting = Iniciando…
server-stopping = Deteniendo (despidiéndose de los clientes)…
server-err_start = No se pudo iniciar el servidor: { $error }
server-bind_failed = no se puede escuchar en { $addr }: { $detail }
server-bind_in_use = el puerto está en uso (¿hay otro servidor corriendo? elige otro puerto)
server-bind_privileged = los puertos menores que 1024 requieren privilegios: elige un puerto de 1024 a 65535
server-bind_bad_address = escribe la dirección como host:puerto, por ejemplo 127.0.0.1:5050
server-bind_no_such_address = esta computadora no tiene esa dirección
server-db_locked = la base de datos { $path } está en uso por otro proceso (¿otro servidor la está usando?)
server-db_corrupt = la base de datos { $path } está dañada o no es una base de datos de Lojinha ({ $detail })
server-db_open = no se puede abrir la base de datos { $path }: { $detail }
server-no_thread = no se puede iniciar un hilo: { $detail }
server-err_db_dir = No se pudo crear la carpeta { $path }: { $error }
server-running = Corriendo en { $addr }
server-not_running = El servidor no está corriendo. Presiona "Iniciar servidor".
server-uptime = activo desde hace { $uptime }
server-products = { $n ->
        [one] { $n } producto
       *[other] { $n } productos
    }
server-mode_is = modo: { $mode }
server-mode_threaded = con hilos
server-mode_sequential = secuencial
server-db_is = base de datos: { $db }
server-sessions = Sesiones ({ $n })
sessions-id = Id
sessions-client = Cliente
sessions-peer = Dirección
sessions-since = Conectado
sessions-requests = Solicitudes
sessions-unnamed = (todavía sin hello)
sessions-ago = hace { $time }
time-under_a_minute = menos de un minuto
time-minutes = { $m } min
time-hours = { $h } h { $m } min

## Client window

client-window_title = Ventana de cliente { $n }
client-name = Nombre del cliente
client-name_hint = se envía en hello
client-token = Token
client-token_hint = si se requiere
client-address = Servidor
client-address_hint = host:puerto
client-connect = Conectar
client-connect_local = Conectar al servidor de esta aplicación ({ $addr })
client-connect_local_none = Conectar al servidor de esta aplicación (no está corriendo)
client-disconnect = Desconectar
client-auto_reconnect = Reconectar automáticamente
client-reconnect = Reconectar
client-idle = Sin conexión. Conéctate al servidor de esta aplicación, o escribe host:puerto y presiona Conectar.
client-connecting = Conectando a { $addr }…
client-reconnecting = Reconectando a { $addr } (intento { $attempt })…
client-connected = Conectado a { $peer }, sesión #{ $session }
client-no_server =
    Ningún servidor está escuchando en { $addr } (conexión rechazada). Inicia uno con "Iniciar servidor" en la ventana principal, o revisa la dirección.
client-lost = Conexión perdida: { $reason }
err-resolve = No se encuentra el host de { $addr }: { $detail }
err-no_port = La dirección { $addr } no tiene puerto: escríbela como host:puerto, por ejemplo 127.0.0.1:5050
err-connect = No se puede conectar a { $addr }: { $detail }
err-timeout = El servidor no respondió a tiempo
err-io = Error de conexión: { $detail }
err-protocol = El servidor envió algo inesperado: { $detail }
err-not_found = Producto no encontrado: { $code }
err-exists = Ya existe un producto con el código { $code }
err-changed = Alguien más cambió el producto { $code } desde que lo leíste
err-token_required = Este servidor requiere un token de acceso: escríbelo en el campo Token (access token required)
err-token_wrong = El token de acceso es incorrecto
err-invalid_params = Valor no válido en { $field }: { $reason }
err-parse = El servidor no pudo leer el mensaje como JSON: { $detail }
err-json_at = { $what } (línea { $line }, columna { $column })
err-json_expected_value = se esperaba un valor (el texto va entre comillas; true, false y null van en minúsculas)
err-json_eof = el mensaje termina a la mitad
err-json_trailing = hay algo más después del valor JSON
err-json_trailing_comma = una coma antes de un corchete o llave de cierre
err-json_unicode = texto que no es UTF-8 o Unicode válido
err-json_key = la clave de un objeto debe ser un texto entre comillas
err-json_comma = se esperaba una coma o un corchete o llave de cierre
err-json_colon = se esperaban dos puntos (:) después de la clave
err-json_escape = un escape (\) no válido en un texto
err-json_number = un número no válido
err-json_control = un carácter de control dentro de un texto
err-invalid_request = No es una solicitud JSON-RPC válida ({ $detail })
err-req_empty_batch = un lote vacío ([])
err-req_batch_too_large = un lote de más de { $max } solicitudes
err-req_not_object = una solicitud debe ser un objeto JSON
err-req_bad_id = el id debe ser un texto o un número entero
err-req_bad_version = jsonrpc debe ser "2.0"
err-req_method_not_string = method debe ser un texto
err-req_method_missing = falta method
err-req_bad_params = params debe ser un objeto o un arreglo
err-req_too_many_values = el mensaje tiene demasiados valores (como máximo { $max } en una línea)
err-req_duplicate_key = un objeto de la solicitud tiene la misma clave dos veces
err-req_frame_too_large = el mensaje es más largo que el límite de { $limit } bytes
err-method = Método desconocido: { $method }
err-internal = El servidor no pudo guardarlo ({ $detail })
err-storage_full = su disco está lleno
err-catalog_full = su catálogo ya tiene todos los productos que permite
err-storage_stopping = se está apagando
err-storage_read_only = su base de datos es de solo lectura
err-storage_locked = otro programa tiene bloqueada su base de datos
err-storage_io = un error de disco
err-lookup_unknown = ese nombre no existe (revisa cómo está escrito, o usa una dirección IP)
err-lookup_no_address = el nombre no tiene dirección
err-lookup_no_answer = el servicio de nombres no respondió (¿hay red?)

## Product fields named in errors (the wire name kept beside the translation)

field-code = código (code)
field-name = nombre (name)
field-price_cents = precio en centavos (price_cents)
field-quantity = cantidad (quantity)

## Rules a field broke (the `reason` of a -32602 error)

rule-required = es obligatorio
rule-empty = no debe estar vacío
rule-not_string = debe ser un texto
rule-not_object = debe ser un objeto
rule-too_long = debe tener como máximo { $max } caracteres
rule-too_long_has = debe tener como máximo { $max } caracteres (tiene { $has })
rule-character = el carácter { $char } no está permitido (usa A-Z a-z 0-9 . _ -)
rule-control = no debe contener caracteres de control
rule-bidi = no debe contener caracteres que inviertan la dirección del texto
rule-nothing_visible = debe contener un carácter visible
rule-integer_range = debe ser un número entero de { $min } a { $max }
rule-length_range = debe tener de { $min } a { $max } caracteres
rule-token_too_long = debe ser un texto de como máximo { $max } bytes
rule-unknown_field = no es un campo de producto
rule-unknown_parameter = no es un parámetro de este método
rule-too_many_positional = como máximo { $max } parámetros posicionales
client-retry_in = Se intentará de nuevo en { $secs } s.
client-disconnected_by_you = te desconectaste
client-gave_up = Se dejó de conectar a { $addr }: saliste antes de que respondiera
client-not_connected = Sin conexión
client-no_address = Primero escribe la dirección del servidor (host:puerto).
client-thread_gone = El hilo de red se detuvo; cierra esta ventana y abre otra.

## Table

table-filter = Filtrar
table-filter_hint = código o nombre
table-reload = Recargar
table-count = { $shown } de { $total ->
        [one] { $total } producto
       *[other] { $total } productos
    }
table-over_max = El servidor envió más productos de los que caben en la tabla ({ $max }): { $n } sin mostrar
table-malformed = { $n ->
        [one] 1 producto del servidor no cumple las reglas (código o nombre demasiado largo) y no se muestra
       *[other] { $n } productos del servidor no cumplen las reglas (código o nombre demasiado largo) y no se muestran
    }
client-commands_full = La conexión está ocupada: hay demasiadas solicitudes esperando. Inténtalo de nuevo en un momento.
table-loading = Cargando { $loaded } de { $total }
table-code = Código
table-name = Nombre
table-price = Precio
table-quantity = Cantidad
table-sort_hint = Haz clic para ordenar; otra vez para invertir

## Form

form-title_add = Agregar un producto
form-title_edit = Editar { $code }
form-code = Código
form-code_hint = p. ej. CAN-001
form-name = Nombre
form-name_hint = p. ej. Caneta azul
form-price = Precio (R$)
form-price_hint = p. ej. 2,50
form-quantity = Cantidad
form-quantity_hint = 0 si está vacío
form-add = Agregar producto
form-save = Guardar cambios
form-new = Nuevo producto
form-delete = Eliminar…
form-confirm_delete = ¿Eliminar { $code } para todos? No se puede deshacer.
form-confirm_yes = Sí, eliminar
form-confirm_no = Cancelar
form-added = Se agregó { $code }.
form-saved = Se guardó { $code }.
form-deleted = Se eliminó { $code }.
form-fix_fields = Corrige los campos marcados en rojo.
form-err-required = Obligatorio
form-err-name = De 1 a 200 caracteres, sin caracteres de control
form-err-price = Escribe un precio como 2,50
form-err-price_decimals = Como máximo dos decimales
form-err-price_too_large = Demasiado grande
form-err-price_negative = Un precio no puede ser negativo
form-err-price_ambiguous = ¿Miles o decimales? Escribe 2,50 o 2.505,00
form-err-quantity = Un número entero de 0 a 1.000.000.000
form-err-server = Servidor: { $reason }

## Fetch

fetch-title = Buscar por código
fetch-code = Código a buscar
fetch-hint = p. ej. CAN-001
fetch-button = Buscar
fetch-found = Se encontró { $code }: { $name }, { $price }, { $quantity } en existencia
fetch-not_found = No encontrado: ningún producto tiene el código { $code }

## Export

export-title = Exportar la lista
export-path = Archivo
export-path_hint = /home/yo/productos.csv
export-button = Exportar { $n ->
        [one] { $n } producto
       *[other] { $n } productos
    }
export-dialog = Guardar como…
export-written = { $n ->
        [one] Se escribió { $n } producto
       *[other] Se escribieron { $n } productos
    } en { $path }
export-failed = No se puede escribir { $path }: { $error }
export-no_path = No se eligió ningún archivo. Si no apareció ningún diálogo, escribe una ruta arriba y presiona Exportar.

## Log

log-title_client = Registro de la conexión
log-title_server = Registro del servidor
log-filter = Buscar en el registro
log-filter_hint = método, texto, JSON
log-auto_scroll = Desplazamiento automático
log-clear = Limpiar
log-count = { $n ->
        [one] { $n } paso
       *[other] { $n } pasos
    }
log-not_shown = { $n ->
        [one] { $n } evento sin mostrar (llegó más rápido de lo que la ventana puede mostrar)
       *[other] { $n } eventos sin mostrar (llegaron más rápido de lo que la ventana puede mostrar)
    }
log-raw_cut = { $n ->
        [one] (no se guardó { $n } byte más de este mensaje)
       *[other] (no se guardaron { $n } bytes más de este mensaje)
    }
log-col-time = Tiempo
log-col-dir = Dir
log-col-session = Ses
log-col-step = Paso
log-col-detail = Detalle
log-col-bytes = Bytes
log-col-rtt = Duración
log-copy_json = Copiar JSON
log-close_detail = Cerrar
log-go_response = Ir a su respuesta
log-go_request = Ir a su solicitud
log-no_raw = (sin mensaje: un evento local)
log-raw_json = JSON sin procesar
log-bytes = Bytes
log-bytes_hint = La línea como los bytes que pasaron por la red: hexadecimal junto a los caracteres
log-bytes_legend = { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }, el último 0a: el \n que termina la línea. Una letra con tilde como ñ o á ocupa dos bytes (c3 b1, c3 a1) en UTF-8; · marca un byte que no muestra carácter.
log-d-request = { $method } (id { $id })
log-d-response = respuesta a { $method } (id { $id })
log-d-error_response = error en { $method } (id { $id }): { $message }
log-d-error_plain = error (id { $id }): { $message }
log-d-error_no_id = error: { $message }
step-listening = escuchando
step-connecting = conectando
step-connected = conectado
step-session_opened = sesión abierta
step-welcome = welcome
step-hello = hello
step-request = solicitud
step-response = respuesta
step-error_response = respuesta de error
step-batch = lote
step-notification = notificación
step-goodbye = goodbye
step-garbage = no es JSON-RPC
step-read = lectura
step-error = error
step-closed = cerrada
step-stopped = detenido

## Language, lesson, diagram

app-language = Idioma
app-lesson = Clase
app-lesson_hint = Mostrar u ocultar el panel de la clase
lesson-title = Clase
lesson-working = Haciéndolo…
lesson-threads_title = Demostración de hilos
lesson-close_threads = Cerrar la demostración de hilos
lesson-no_client = Ninguna ventana de cliente está conectada al servidor de esta aplicación.
lesson-server_failed = El servidor no se inició: { $error }
lesson-timeout_server = La clase dejó de esperar a que el servidor se iniciara o se detuviera.
lesson-timeout_connect = La clase dejó de esperar a que una ventana de cliente se conectara.
lesson-timeout_disconnect = La clase dejó de esperar a que una ventana de cliente se desconectara.
lesson-timeout_answer = La clase dejó de esperar la respuesta del servidor.
lesson-timeout_threads = La clase dejó de esperar la demostración de hilos.
lesson-sample_name = Cuaderno de la clase
diagram-title = Diagrama de secuencia

## Client window: reads, console, import

client-show_reads = Mostrar lecturas
client-show_reads_hint = Registrar cada read() y su tamaño (desde la próxima conexión)
console-title = Consola sin procesar
console-explain = Escribe cualquier texto y envíalo tal cual, como con nc. La respuesta aparece en el registro y en el diagrama.
console-examples = Ejemplos:
console-ex_valid = llamada válida
console-ex_batch = lote
console-ex_invalid = JSON no válido
console-ex_unknown = método desconocido
console-message = Mensaje sin procesar
console-hint = {"{"}"jsonrpc":"2.0", ...{"}"}
console-send = Enviar tal cual
console-without_newline = Sin \n
console-without_newline_hint = Envía el texto sin el salto de línea del final: el servidor sigue esperando el resto de la línea.
console-send_newline = Enviar \n
console-send_newline_hint = Envía solo un salto de línea: termina lo que se envió sin él.
console-pieces = Trozos
console-pieces_hint = Envía el texto en esta cantidad de llamadas write(), una tras otra; el servidor las lee como una sola línea.
console-piece_pause = Pausa entre trozos
export-file_name = lojinha-productos
export-dialog_title = Exportar la lista de productos
import-title = Importar productos
import-dialog_title = Importar productos de un archivo
import-dialog_filter = CSV o JSON
import-explain =
    CSV o JSON como los que se exportan aquí, o el CSV de una hoja de cálculo (; y coma decimal). Cada producto se agrega a través del servidor.
import-path = Archivo a importar
import-button = Importar
import-dialog = Abrir…
import-progress = Agregando { $done } de { $total }
import-summary = Importación terminada: { $added ->
        [one] { $added } agregado
       *[other] { $added } agregados
    }, { $skipped ->
        [one] { $skipped } omitido
       *[other] { $skipped } omitidos
    }
import-skipped_line = línea { $line }: { $reason }
import-refused = { $code }: el servidor dijo { $error }
import-more = … y { $n } más
import-failed = No se puede importar { $path }: { $error }
import-no_path = No se eligió ningún archivo. Si no apareció ningún diálogo, escribe una ruta arriba y presiona Importar.

## Why an imported record or file was left out

skip-rule = { $field }: { $reason }
skip-price_empty = el precio está vacío
skip-price_not_number = el precio no es un número: '{ $raw }'
skip-price_too_large = el precio es demasiado grande: '{ $raw }'
skip-price_decimals = el precio tiene más de 2 decimales: '{ $raw }'
skip-price_negative = el precio es negativo: '{ $raw }'
skip-price_ambiguous = el precio es ambiguo (¿miles o decimales?): '{ $raw }'
skip-not_whole = { $column } no es un número entero: '{ $raw }'
skip-column_empty = la columna { $column } está vacía
skip-field_count = la fila tiene { $has ->
        [one] { $has } campo
       *[other] { $has } campos
    } pero el encabezado tiene { $header }
skip-unclosed_quote = un campo entre comillas nunca se cierra
skip-price_mismatch =
    el precio '{ $price }' y price_cents '{ $cents }' no coinciden: corrige uno de los dos, o borra una de las dos columnas
skip-duplicate_line = código repetido '{ $code }' (aparece primero en la línea { $first })
skip-duplicate_item = código repetido '{ $code }' (aparece primero como elemento { $first })
skip-file_empty = el archivo está vacío
skip-not_json = el archivo no es JSON válido: { $what } (línea { $line }, columna { $column })
skip-not_array = se esperaba un arreglo JSON de productos
skip-missing_column = el encabezado no tiene la columna { $column } (tiene: { $header })
skip-column_code = 'code'
skip-column_name = 'name'
skip-column_price = 'price_cents' o 'price'

## Files

file-not_found = el archivo no existe
file-permission = permiso denegado
file-is_directory = eso es una carpeta, no un archivo
file-disk_full = el disco está lleno
file-other = { $detail }

## Pasos de la clase (teach/src/lesson/steps.rs)

lesson-intro-title = Sockets: direcciones y puertos
lesson-intro-explanation =
    Un socket es un extremo de una conversación entre dos programas. Para encontrar el otro extremo necesitas dos números. La dirección IP identifica la máquina: 127.0.0.1 es siempre tu propia computadora. El puerto, de 0 a 65535, identifica el programa en esa máquina. El servidor de Lojinha escucha en { $addr }.

    Solo un servidor puede usar un puerto a la vez. Si dos estudiantes del laboratorio eligen el mismo puerto, el segundo servidor no puede iniciar.
lesson-intro-look_at = La dirección y el puerto que aparecen en el panel del servidor y en cada ventana de cliente.

lesson-v1_no_server-title = v1: conectarse sin un servidor corriendo
lesson-v1_no_server-explanation =
    La clase pregunta: ¿qué pasa si ejecutas el cliente sin el servidor? Pruébalo. El cliente pide una conexión en el puerto { $port }, pero ningún programa está escuchando ahí, así que el sistema operativo responde de inmediato con un rechazo. El cliente recibe el error “connection refused”, conexión rechazada (ECONNREFUSED: os error 111 en Linux, 10061 en Windows).

    Nada se queda esperando y nada se vuelve a intentar: para conectarse, un servidor ya tiene que estar escuchando.
lesson-v1_no_server-look_at =
    El registro del cliente: un intento de connect() y enseguida el error. El diagrama queda vacío: no se pudo enviar ningún mensaje.

lesson-v1_connect-title = v1: inicia el servidor y luego conéctate
lesson-v1_connect-explanation =
    Ahora inicia primero el servidor. Toma el puerto (bind), empieza a escuchar (listen) y espera clientes (accept). Cuando el cliente llama a connect, los dos sistemas operativos hacen el saludo de TCP (handshake), y accept devuelve un socket nuevo solo para este cliente.

    En la versión 1 de la clase el servidor imprime un mensaje y termina. El servidor de Lojinha sigue corriendo, para que puedas continuar.
lesson-v1_connect-look_at =
    Una sesión nueva en el panel del servidor, con la dirección y el puerto del cliente: un puerto alto que eligió el sistema del cliente. El diagrama marca la conexión en las líneas de vida.

lesson-v2_hello-title = v2: el servidor habla primero
lesson-v2_hello-explanation =
    En la versión 2 el servidor envía un mensaje y el cliente responde. Ese orden es un protocolo: un acuerdo que los dos lados deben cumplir. Si los dos esperan para leer, esperan para siempre.

    En Lojinha el servidor habla primero con la notificación welcome, que trae el número de la sesión. Después el cliente se presenta con hello, y el servidor responde con un result.
lesson-v2_hello-look_at =
    En el diagrama, welcome llega primero como una flecha de un solo sentido: nadie responde a una notificación. Después vienen la solicitud hello y su result, unidos por su id, con el tiempo de ida y vuelta. Este paso pausa el servidor un momento (“Controles del profesor” en el panel del servidor): el cliente está conectado, pero no llega nada: espera a que el servidor hable primero. El welcome sale a los dos segundos; después la respuesta al hello queda retenida de la misma manera.

lesson-v3_json-title = v3: un objeto cruza la red
lesson-v3_json-explanation =
    Los sockets transportan bytes, no objetos. Para enviar un producto, el cliente lo convierte en texto y el servidor convierte el texto otra vez en un producto. Lojinha usa JSON:
    {"{"}"code":"CAN-001","name":"Caneta azul","price_cents":250,"quantity":40{"}"}

    La versión 3 de la clase usa pickle de Python. Lojinha nunca hace eso: cargar un pickle puede ejecutar cualquier código que quien lo envió haya puesto dentro, y un servidor nunca debe ejecutar lo que envía un cliente. JSON es solo datos: el servidor lo lee, revisa cada campo y rechaza lo que no cumple una regla. El dinero viaja en centavos enteros, nunca como número de punto flotante.
lesson-v3_json-look_at =
    Pasa el mouse sobre la flecha product.add para ver el JSON exacto que cruzó la red. Los otros clientes abiertos reciben una notificación product.added.

lesson-v4_commands-title = v4: comandos y el protocolo
lesson-v4_commands-explanation =
    La versión 4 le da al servidor tres comandos: agregar un producto, listar los productos y terminar. Lojinha tiene los mismos tres: product.add, product.list y quit.

    Cada solicitud dice su método y lleva un id; la respuesta trae el mismo id, así el cliente sabe a qué pregunta responde. Los dos lados deben respetar estas reglas. Un cliente que envía otra cosa recibe un error, y el servidor no se cae.

    Después de quit el servidor responde {"{"}"bye":true{"}"} y cierra esta conexión. El servidor sigue corriendo para los demás clientes: un cliente nunca puede detenerlo.
lesson-v4_commands-look_at =
    El result de product.list y su tamaño en bytes; después quit, su bye y la marca de cierre en la línea de vida.

lesson-threads_intro-title = Hilos: una introducción rápida
lesson-threads_intro-explanation =
    Un hilo (thread) ejecuta una secuencia de instrucciones al mismo tiempo que los otros hilos del mismo programa. Piensa en cuatro tareas de 3, 2, 1 y 0,5 segundos.

    Si se ejecutan una tras otra, la tarea 2 empieza solo cuando termina la tarea 1: 6,5 segundos en total.

    Con un hilo para cada tarea, se ejecutan al mismo tiempo. Todo tarda más o menos lo que la tarea más larga, 3 segundos, y la más corta, la tarea 4, termina primero. Aquí las tareas duermen de verdad, en hilos de verdad.
lesson-threads_intro-look_at =
    Las dos líneas de tiempo: barras una tras otra contra barras lado a lado, los totales medidos y el orden en que terminan las tareas.

lesson-v5_threaded-title = v5: un servidor secuencial contra uno con hilos
lesson-v5_threaded-explanation =
    El servidor de la versión 4 atiende a un cliente a la vez. Mientras conversa con un cliente, un segundo cliente puede conectarse, pero nadie lee lo que envía: espera en la cola del sistema operativo hasta que el primero se va.

    El servidor de la versión 5 crea un hilo para cada cliente, y así todos son atendidos al mismo tiempo.

    Este paso ejecuta el servidor en modo secuencial y después en modo con hilos, con dos clientes cada vez.
lesson-v5_threaded-look_at =
    El registro y el diagrama del panel del servidor guardan las dos ejecuciones. En modo secuencial, una nota marca cuándo se conectó el segundo cliente y cuánto tiempo esperó: su welcome llega solo después de que el primero sale. En modo con hilos, los dos lo reciben de inmediato. Compara los tiempos en el diagrama. Durante la ejecución secuencial el servidor también queda en pausa un momento, reteniendo la respuesta de la ventana 1 (“Controles del profesor”): la ventana 1 la espera, y la ventana 2 espera detrás de la ventana 1.

lesson-v5_reads-title = v5: un mensaje más grande que una lectura
lesson-v5_reads-explanation =
    TCP entrega un flujo de bytes, no mensajes. Un mensaje largo puede llegar en varios pedazos, y una lectura puede traer el final de un mensaje junto con el comienzo del siguiente.

    El cliente de la clase lee 2048 bytes a la vez y junta los pedazos. Lojinha hace lo mismo y termina cada mensaje con un salto de línea, para que quien recibe sepa dónde termina cada mensaje: sigue leyendo hasta el salto de línea. Detenerse cuando un recv devuelve menos de 2048 bytes, como hace el ciclo de la clase, no es seguro: una lectura puede devolver menos incluso a mitad de un mensaje.

    Este paso llena el catálogo y pide una lista mucho más grande que 2048 bytes, con “mostrar lecturas” activado.
lesson-v5_reads-look_at =
    Las marcas read() en el diagrama y en el registro: un solo result de product.list llega en muchos pedazos y vuelve a ser un mensaje solo cuando llega su salto de línea. Después el servidor escribe cada línea en cuatro pedazos, con una pausa entre ellos (“enviar en pedazos”), y el cliente busca un producto: hasta una respuesta corta llega en varias lecturas.

lesson-exercise-title = Ejercicio: buscar un producto por su código
lesson-exercise-explanation =
    El ejercicio de la clase: el cliente envía el código de un producto, el servidor lo busca en su base de datos y devuelve el producto, si existe. El servidor de Lojinha hace esto con product.get, usando SQLite en lugar de TinyDB.

    Prueba un código que existe y uno que no existe. Después escribe tu propio cliente en Python: abre un socket al servidor en { $addr }, envía una línea de JSON y lee una línea de respuesta:
    {"{"}"jsonrpc":"2.0","id":1,"method":"product.get","params":{"{"}"code":"CAN-001"{"}"}{"}"}
lesson-exercise-look_at =
    El result de product.get con el producto; para un código que no existe, el error 1001 “product not found” en rojo, con el mismo id que su solicitud.
lesson-many_servers-title = Después: varios servidores, una base de datos
lesson-many_servers-explanation =
    Un hilo por cliente atiende a toda una clase, pero un servidor sigue siendo un proceso en una computadora. Un laboratorio lo supera: los servidores de dos profesores, o una clase repartida en dos máquinas, quieren un solo catálogo que todos los servidores leen y escriben.

    Entonces el catálogo pasa a un servidor de base de datos que todos comparten: PostgreSQL. Cada servidor de Lojinha sigue con una copia en memoria para leer rápido, y las escrituras van a la base. Cuando un cambio se confirma (commit), PostgreSQL avisa a todos los servidores (LISTEN y NOTIFY), y cada servidor lo envía a sus clientes, en el mismo orden en todos.

    Este paso inicia dos servidores en la base PostgreSQL elegida en el panel del servidor ("PostgreSQL compartido"), abre una ventana en cada uno y agrega un producto por el primero.
lesson-many_servers-look_at =
    El diagrama de la primera ventana: la solicitud product.add va al servidor A y su respuesta vuelve. La segunda ventana está conectada al servidor B, que nunca recibió esa solicitud, y aun así su diagrama muestra product.added llegando: el cambio pasó de un servidor al otro a través de la base de datos. La nota en la línea de vida del panel del servidor dice qué servidor lo transmitió.
lesson-many_servers-needs_postgres =
    Este paso necesita una base PostgreSQL. En el panel del servidor elige "PostgreSQL compartido", escribe su cadena de conexión (por ejemplo postgres://postgres@127.0.0.1/lojinha) y pulsa Probar. Para instalar una en Debian o Ubuntu: sudo apt install postgresql y luego sudo -u postgres createdb lojinha.
lesson-note_crossed = { $code } llegó a { $window } por el servidor B ({ $addr }).
lesson-timeout_crossed = La lección dejó de esperar a que la ventana del otro servidor recibiera el producto.

## Diagrama de secuencia (teach/src/diagram)

diagram-client = Cliente
diagram-server = Servidor
diagram-session = Sesión { $lane }
diagram-session_named = Sesión { $lane }: { $client }
diagram-no_messages = Todavía no hay mensajes.
diagram-click_to_select = Haz clic para seleccionar este mensaje en el registro.
diagram-time = Tiempo
diagram-seconds = { $seconds } s
diagram-bytes = ({ $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    })
diagram-legend_request = solicitud
diagram-legend_response = respuesta
diagram-legend_error = error
diagram-legend_notification = notificación
diagram-legend_batch = lote
diagram-legend_event = evento
diagram-not_json_rpc = no es JSON-RPC: { $raw }
diagram-closed = cerrada: { $reason }
diagram-error = error{ $code }{ $id }{ $rtt }
diagram-batch = lote{ $id }{ $rtt }
diagram-duration_ms = { $ms } ms
diagram-duration_s = { $s } s

## Demostración de hilos (teach/src/threads_demo)

threads-task = Tarea { $n }
threads-task_length = Tarea { $n } ({ $seconds } s)
threads-run_sequential = Ejecutar una tras otra
threads-run_concurrent = Ejecutar cada una en su propio hilo
threads-sequential_title = Una tras otra (secuencial)
threads-concurrent_title = Cada una en su propio hilo (concurrente)
threads-total = total { $seconds } s
threads-heading = { $title }: { $status }
threads-running = ejecutando…
threads-not_run_yet = todavía no se ejecutó
threads-summary = La tarea { $first } terminó primero · Orden de término: { $order }
threads-seconds = { $seconds } s
threads-no_thread = no se pudo iniciar un hilo: { $error }

## Panel de la clase (teach/src/lesson)

lesson-previous = Anterior
lesson-next = Siguiente
lesson-step_of = Paso { $n } de { $total }
lesson-all_steps = Todos los pasos
lesson-numbered = { $n }. { $title }
lesson-do_it = Hacerlo
lesson-what_to_look_at = Qué observar
lesson-no_action = No hay nada que ejecutar en este paso: léelo y continúa.

## Por qué terminó una conexión (teach/src/closing); las palabras entre paréntesis son las del protocolo

closing-goodbye-idle_timeout = el servidor cerró la conexión después de demasiado tiempo sin mensajes (idle timeout)
closing-goodbye-too_slow = el servidor desconectó a este cliente por no leer sus mensajes (too slow)
closing-goodbye-shutting_down = el servidor se está apagando
closing-goodbye-full = el servidor está lleno (demasiados clientes)
closing-goodbye-per_address = el servidor no acepta más conexiones desde la dirección de esta computadora
closing-goodbye-line_timeout = el servidor esperó demasiado el resto de una línea (line timeout)
closing-goodbye-wrong_token = el servidor cerró la conexión después de demasiados tokens incorrectos
closing-goodbye-other = el servidor se despidió: { $reason }
closing-server_closed = el servidor cerró la conexión
closing-too_large = el servidor envió un mensaje más grande que el límite
closing-reader_stopped = la lectura de la conexión se detuvo
closing-send_failed = no se puede enviar: { $detail }
closing-read_failed = error de conexión: { $detail }
closing-by_this_client = cerrada por este cliente
closing-session-client_closed = el cliente cerró la conexión
closing-session-quit = el cliente envió quit
closing-session-idle_timeout = demasiado tiempo sin mensajes (idle timeout)
closing-session-line_timeout = una línea tardó demasiado en llegar (line timeout)
closing-session-wrong_token = demasiados tokens incorrectos
closing-session-too_slow = el cliente no leía sus mensajes (too slow)
closing-session-frame_too_large = un mensaje más largo que el límite (frame too large)
closing-session-shutting_down = el servidor se está apagando
closing-session-dropped_by_owner = cortada por el dueño del servidor (sin goodbye)
closing-session-error = error en el socket: { $detail }
closing-connect-refused = conexión rechazada (no hay ningún servidor ahí)
closing-connect-name_lookup = no se encontró el nombre (connect() ni siquiera empezó)
closing-connect-other = connect() falló
closing-connect-gave_up = connect() abandonado: saliste
closing-refusal-full = el servidor está lleno
closing-refusal-per_address = demasiadas conexiones desde esta dirección
socket-reset = el otro lado reinició la conexión
socket-aborted = la conexión se abortó
socket-broken_pipe = el otro lado ya había cerrado la conexión
socket-timed_out = se agotó el tiempo de espera
socket-host_unreachable = no se puede llegar al host
socket-network_unreachable = no se puede llegar a la red
socket-network_down = la red no está disponible
socket-address_not_available = esa dirección no está disponible

## What a step at one end says (teach/src/steps/words.rs), in the log and the diagram

steps-connect_to = connect() a { $addr }
steps-connected_as = conectado como { $local } -> { $peer }
steps-read = read(): { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }
steps-listening_on = escuchando en { $addr } ({ $mode })
steps-accepted = accept() de { $peer }
steps-named = hello: { $client }
steps-refused = rechazado { $peer }: { $reason }
steps-stopped = detenido
step-owner = profesor
step-piece = trozo
steps-piece = write(): trozo { $n } de { $of } ({ $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    })
steps-owner_held = respuesta retenida por el profesor ({ $n ->
        [one] { $n } retenida
       *[other] { $n } retenidas
    })
steps-owner_hold_full = demasiadas respuestas retenidas: esta sale enseguida
steps-owner_released_next = liberada: Siguiente
steps-owner_released_all = liberada: Liberar todas
steps-owner_released_unpaused = liberada: la pausa se apagó
steps-owner_discarded = respuesta retenida descartada: la sesión se cerró
steps-owner_delayed = cámara lenta: espera { $delay }
diagram-show_closed_sessions = Mostrar sesiones cerradas ({ $n })

## Presentation mode, the server panel, the lesson's confirmations and notes (app/src/app/room.rs, app/src/app/lesson.rs)

room-presentation = Presentación (F5)
room-leave_presentation = Salir de la presentación (F5)
room-presentation_hint = Para el proyector: texto más grande, los paneles laterales recogidos, el registro y el diagrama del servidor en toda la ventana. F5 la activa y la desactiva.
room-server_panel = Configuración del servidor
room-server_panel_hint = Mostrar u ocultar la configuración del servidor a la izquierda.
room-hide_panel = Ocultar este panel
step-note = nota
lesson-confirm_title = Antes de este paso:
lesson-risk_stop = detiene el servidor que está funcionando en { $addr }, y sus clientes se desconectan.
lesson-risk_catalog = añade un producto de ejemplo al catálogo del servidor en ejecución ({ $db }).
lesson-confirm_go = Seguir
lesson-confirm_cancel = Cancelar
lesson-own_catalog = Catálogo de la clase en memoria
lesson-own_catalog_hint = El servidor que inicia la clase guarda su propio catálogo en memoria, que se pierde cuando se detiene. Desmárcalo para usar la base de datos elegida en el panel del servidor. La lista grande del paso 9 siempre se queda en memoria.
lesson-reset = Reiniciar la clase
lesson-reset_hint = Cierra las ventanas que abrió la clase, detiene el servidor que inició y vuelve al paso 1.
lesson-note_queued = { $window } está conectada (TCP), pero el servidor secuencial está ocupado con otro cliente: nadie la lee todavía, espera en la cola del sistema.
lesson-note_waited = { $window } esperó { $time } su welcome.
lesson-note_sequential_held = El servidor está en pausa mientras atiende a la ventana 1: la ventana 1 espera su respuesta, y el servidor secuencial no puede atender a nadie más mientras tanto.
lesson-note_welcome_held = El servidor está en pausa: retiene su welcome. El cliente está conectado, pero no puede seguir: en este protocolo el servidor habla primero.
lesson-note_hello_held = El welcome salió; el cliente respondió con hello. Ahora el servidor retiene su respuesta al hello.
lesson-note_pieces = Desde ahora el servidor escribe cada línea en 4 pedazos, separados por 0,3 s: hasta una respuesta corta llega en varias lecturas.

## Changed by someone else, export formats, students' addresses, idle timeout (app/src/client/form.rs, export, app/src/server)

form-changed_elsewhere = { $code } fue modificado por otra persona mientras lo editabas. No se sobrescribió nada.
form-changed_before_delete = { $code } fue modificado por otra persona desde que lo abriste, así que no se eliminó.
form-deleted_elsewhere = { $code } fue eliminado por otra persona. Ya no se puede guardar.
form-theirs = Ahora en el servidor
form-yours = Tu formulario
form-take_theirs = Cargar su versión
form-overwrite = Guardar la mía de todos modos
form-delete_anyway = Eliminar de todos modos
form-overwrite_hint = Reemplaza a propósito lo que está ahora en el servidor
form-took_theirs = { $code } actual cargado.
form-add_again = Agregarlo de nuevo con estos valores
export-format_spreadsheet = Hoja de cálculo en portugués (; y 2,50)
export-written_as = { $n ->
        [one] { $n } producto escrito
       *[other] { $n } productos escritos
    } como { $format } en { $path }
export-mismatch = No se escribió nada: el nombre del archivo termina en .{ $ext }, pero el formato elegido es { $format }.
export-fix_extension = Escribir { $format } en { $path }
server-idle_timeout = Tiempo máximo de inactividad
server-idle_timeout_hint = Una conexión que no envía nada durante este tiempo recibe un goodbye y se cierra. Las ventanas de cliente de esta app envían ping cada 60 s; por debajo de eso, una ventana que solo observa se desconecta (y se reconecta).
server-idle_is = tiempo de inactividad: { $s } s
teacher-title = Controles del profesor: haz que el servidor se porte mal
teacher-explain = A propósito, para la clase: retener respuestas, hacerlas lentas, enviarlas en trozos, cortar a un cliente. Los clientes no tienen acceso a esto.
teacher-pause = Pausar (retener todas las respuestas)
teacher-pause_hint = Cada línea que el servidor escribe (welcome, respuestas, notificaciones) espera hasta que la liberes. Un goodbye nunca espera.
teacher-next = Siguiente
teacher-release_all = Liberar todas
teacher-held = { $n ->
        [0] nada retenido
        [one] { $n } respuesta retenida
       *[other] { $n } respuestas retenidas
    }
teacher-slow = Cámara lenta
teacher-slow_hint = Cada línea espera este tiempo antes de escribirse.
teacher-pieces = Enviar en trozos
teacher-pieces_hint = Cada línea se escribe en esta cantidad de llamadas write(): con "mostrar lecturas" el cliente ve llegar un mensaje en varias lecturas.
teacher-piece_pause = Pausa entre trozos
sessions-drop = Cortar #{ $id }
sessions-drop_hint = Cierra la conexión de este cliente enseguida, sin goodbye: mira cómo se entera su ventana.
server-students_type = En las otras computadoras, los alumnos se conectan a una de estas direcciones:
server-no_addresses = No se encontró ninguna dirección de red aparte de la propia de esta computadora: ¿está conectada a una red?

## lojinha-check: checking a student's server (check/)

check-header = Verificando el servidor en { $address }
check-summary = { $passed ->
        [one] { $passed } pasó
       *[other] { $passed } pasaron
    }, { $failed ->
        [one] { $failed } falló
       *[other] { $failed } fallaron
    }, { $not_reached ->
        [one] { $not_reached } no alcanzada
       *[other] { $not_reached } no alcanzadas
    }.
check-summary_all = { $passed ->
        [one] La verificación pasó.
       *[other] Las { $passed } verificaciones pasaron.
    }
check-not_reached = no alcanzada: { $check } falló antes
check-sent = enviado
check-expected = esperado
check-arrived = llegó
check-problem = problema
check-hint = pista
check-title-connect = Acepta una conexión (v1)
check-title-welcome = Habla primero, con una línea welcome (v2)
check-title-json-lines = Responde con líneas JSON-RPC 2.0 terminadas en \n
check-title-add = product.add de un producto válido lo devuelve (v3/v4)
check-title-list = product.list devuelve el producto (v4)
check-title-big-product = Un producto más grande que un read() llega entero (v5)
check-title-two-clients = Dos clientes a la vez son atendidos (v5, threads)
check-title-get = product.get encuentra un producto por su código (ejercicio)
check-title-get-missing = product.get de un código que no existe responde 1001 (ejercicio)
check-title-parse-error = JSON inválido responde -32700 y la sesión sigue
check-title-unknown-method = Un método desconocido responde -32601
check-title-bad-params = Parámetros inválidos responden -32602
check-title-quit = quit responde bye y termina la sesión
check-title-pipeline = Pedidos enviados de una vez se responden en orden
check-title-notify = Un cambio hecho por un cliente llega al otro como notificación
check-expect-connect = el servidor acepta una conexión TCP
check-expect-welcome = antes de que el cliente diga nada, una línea como {"{"}"jsonrpc":"2.0","method":"welcome","params":...{"}"} terminada en \n
check-expect-json-lines = una línea terminada en \n con "jsonrpc":"2.0", el id del pedido y un result o un error
check-expect-add = un result con el mismo code, name, price_cents y quantity
check-expect-list = un result {"{"}"products":[...]{"}"} que incluye el producto recién agregado
check-expect-big-product = el producto con su nombre de 200 caracteres, entero (el pedido tiene unos 2,5 KiB, enviado en dos partes)
check-expect-two-clients = el segundo cliente recibe el welcome y la respuesta mientras el primero sigue conectado; después el primero también es respondido
check-expect-get = un result con el producto de ese código
check-expect-get-missing = un error con code 1001 (no encontrado)
check-expect-parse-error = un error -32700 con id null, y después la respuesta al siguiente pedido en la misma conexión
check-expect-unknown-method = un error -32601 (método no encontrado)
check-expect-bad-params = un error -32602 (parámetros inválidos) para un precio negativo
check-expect-quit = el result {"{"}"bye":true{"}"}, y después el servidor cierra la conexión
check-expect-pipeline = tres respuestas, en el orden de los tres pedidos
check-expect-notify = el otro cliente recibe {"{"}"method":"product.added",...{"}"} con el producto nuevo
check-said-refused = no se pudo conectar: { $a }
check-said-silent = ninguna respuesta en { $s } s
check-said-no_newline = llegaron bytes, pero ningún \n terminó la línea en { $s } s
check-said-closed = el servidor cerró la conexión
check-said-not_utf8 = la línea no es UTF-8 válido
check-said-not_json = la línea no es JSON: { $a }
check-said-not_jsonrpc = el mensaje no es JSON-RPC 2.0
check-said-not_welcome = la primera línea no es una notificación welcome
check-said-wrong_id = la respuesta tiene id { $b }, el pedido tenía id { $a }
check-said-error_answer = error { $a }: { $b }
check-said-result_answer = un result en lugar del error { $a }
check-said-wrong_code = error { $b } en lugar de { $a }
check-said-wrong = la respuesta no es la esperada
check-hint-refused = Nada escucha en esta dirección. ¿Tu servidor está corriendo, en este puerto? ¿Llamó a bind y listen? Un servidor en otra computadora debe escuchar en 0.0.0.0, no en 127.0.0.1.
check-hint-silent = Tu servidor no envió nada en { $s } s. Tal vez espera más bytes, o está atascado en otra llamada (recv, accept, un lock).
check-hint-no_newline = Tu servidor respondió sin \n al final de la línea, así que el cliente sigue esperando el resto del mensaje. Envía json.dumps(respuesta) + "\n".
check-hint-closed = Tu servidor cerró la conexión (o se cayó) aquí. Mira si hay un error en su terminal.
check-hint-not_utf8 = Tu servidor envió bytes que no son UTF-8. Codifica el texto con .encode("utf-8") y nunca envíes pickle: el protocolo es texto JSON.
check-hint-not_json = Lo que envió tu servidor no es JSON. Envía json.dumps(...) de un dict, uno por línea, y nada más en la línea (ni texto de print, ni el repr de Python con comillas simples).
check-hint-not_jsonrpc = Todo mensaje necesita "jsonrpc": "2.0", y una respuesta necesita el "id" del pedido y exactamente uno entre "result" y "error".
check-hint-not_welcome = El servidor habla primero: justo después del accept, envía {"{"}"jsonrpc":"2.0","method":"welcome","params":{"{"}"server":...,"protocol":1,"session":...{"}"}{"}"} y un \n, antes de leer nada.
check-hint-wrong_id = La respuesta debe llevar el mismo "id" que el pedido que responde (aquí { $a }), copiado exactamente, texto o número.
check-hint-error_answer = Tu servidor respondió con el error { $a } ("{ $b }") donde se esperaba un result.
check-hint-result_answer = Tu servidor respondió con un result donde el protocolo pide el error { $a }: una respuesta con "error": {"{"}"code": { $a }, "message": ...{"}"} y sin "result".
check-hint-wrong_code = El code del error debería ser { $a }, tu servidor envió { $b }. Los códigos los fija el protocolo para que todo cliente los entienda.
check-hint-list_shape = product.list responde {"{"}"products": [...], "next": ..., "total": ...{"}"}, un objeto con la lista adentro, no la lista sola.
check-hint-list_missing = El producto recién agregado no está en product.list. ¿El add y el list usan la misma lista (o base de datos), compartida por todos los clientes?
check-hint-get_differs = product.get respondió otro producto, no el de ese código. Búscalo por su campo "code".
check-hint-add_differs = product.add debe responder el producto tal como quedó guardado: el mismo code, name, price_cents y quantity.
check-hint-big_cut = Tu servidor trató el primer recv() como si fuera el mensaje entero. Un mensaje puede llegar en pedazos: sigue leyendo y juntando los pedazos hasta encontrar el \n, y recién entonces decodifica la línea.
check-hint-pipeline_lost = Los pedidos llegaron juntos y tu servidor no respondió cada uno. Un recv() puede traer varias líneas: separa lo leído en cada \n, responde cada línea completa y guarda el resto para el siguiente recv().
check-hint-pipeline_order = Las respuestas llegaron en otro orden que los pedidos. Responde las líneas de una conexión una tras otra, en el orden en que llegaron.
check-hint-one_at_a_time = El segundo cliente no fue atendido mientras el primero estaba conectado: tu servidor atiende un cliente a la vez. Crea un threading.Thread para cada cliente que devuelve accept (lección, v5).
check-hint-no_notification = El otro cliente no escuchó nada. Después de un add exitoso, envía {"{"}"jsonrpc":"2.0","method":"product.added","params":{"{"}"product":...{"}"}{"}"} a cada uno de los otros clientes conectados (guarda una lista de sus sockets, con un lock).
check-hint-crashed = Tu servidor cerró la conexión después de una línea que no es JSON: probablemente se cayó en json.loads. Captura el error (try/except), responde -32700 y sigue leyendo.
check-hint-quit_answer = quit responde el result {"{"}"bye": true{"}"}.
check-hint-quit_open = Después de responder a quit, el servidor debe cerrar la conexión (conn.close()); el cliente está esperando eso.

## The app's "Check a server" window (app/src/check)

app-check_server = Verificar un servidor
app-check_server_hint = Corre las verificaciones de lojinha-check contra cualquier servidor (el de un alumno, el de esta aplicación, el de otra computadora) y dice qué está bien y dónde rompe el protocolo.
checkwin-intro = Corre las verificaciones de la lección, una tras otra, contra un servidor que dice hablar el protocolo de Lojinha. Selecciona una verificación para ver la conversación.
checkwin-address = Dirección del servidor
checkwin-run = Correr las verificaciones
checkwin-running = Verificando…
checkwin-none_yet = Todavía no corrió ninguna verificación.
checkwin-select = Selecciona una verificación para ver qué se envió y qué llegó.
checkwin-mark_passed = [ok]
checkwin-mark_failed = [falló]
checkwin-mark_not_reached = [no alcanzada]

## The lesson's Python code (teach/src/lesson/code.rs)

lesson-show_code = Mostrar el código (Python)
lesson-run_it = Para correrlo: { $command }

## Report card per session in the server panel (app/src/server/report_card.rs)

sessions-report_card = Boletín
sessions-card_ok = { $good } ok
sessions-card_mistakes = { $good } ok, { $mistakes ->
        [one] { $mistakes } error
       *[other] { $mistakes } errores
    }
sessions-mistake_not_json = líneas que no son JSON (-32700): el cliente debe enviar json.dumps(...) y un \n
sessions-mistake_invalid_request = pedidos que no son JSON-RPC 2.0 (-32600): "jsonrpc": "2.0", un "method", un "id"
sessions-mistake_unknown_method = métodos desconocidos (-32601): revisa el nombre del método
sessions-mistake_bad_params = parámetros inválidos (-32602): un producto que rompe las reglas
sessions-mistake_no_id = solicitudes enviadas sin "id" (no puede llegar respuesta): una solicitud necesita un "id"
sessions-mistake_hello_again = "hello" enviado otra vez en la misma conexión: una vez basta
sessions-mistake_no_newline = una última línea sin "\n": el cliente cerró la conexión en vez de terminar la línea (un servidor que lee hasta el "\n" esperaría el resto y nunca respondería)

## Guardar un log y su diagrama; grabaciones de clase (app/src/log/save.rs, app/src/recording.rs)

save-open = Guardar…
save-open_hint = Guarde el diagrama (SVG, PNG), el log (texto, Markdown, JSON Lines) o la sesión entera como grabación para abrirla después
save-path = Guardar en
save-format = Formato
save-format_svg = Diagrama en SVG
save-format_png = Diagrama en PNG
save-format_text = Log en texto
save-format_markdown = Log en Markdown
save-format_jsonl = Log en JSON Lines
save-format_recording = Grabación (.lojinha)
save-button = Guardar { $n ->
        [one] { $n } paso
       *[other] { $n } pasos
    }
save-filtered = Solo los { $n } de { $total } pasos que muestra el filtro del log (borre el filtro para guardar la sesión entera).
save-range = Solo una parte de la sesión:
save-range_from = desde
save-range_to = hasta
save-selected = Solo { $n } de { $total } pasos: los del intervalo de tiempo (y de la búsqueda en el registro, si la hay).
save-written_as = { $n ->
        [one] { $n } paso escrito
       *[other] { $n } pasos escritos
    } como { $format } en { $path }
save-dialog_title = Guardar el log o el diagrama
save-file_diagram = lojinha-diagrama
save-file_log = lojinha-log
save-file_recording = lojinha-clase
recording-open_button = Abrir una grabación…
recording-open_hint = Vuelva a ver una grabación guardada con el "Guardar…" de un log: el log y el diagrama como eran, solo lectura, sin servidor
recording-open_title = Abrir una grabación
recording-open_explain = Un archivo .lojinha guardado con el "Guardar…" de un log: una clase, o lo que hizo el cliente de un estudiante.
recording-path = Archivo de la grabación
recording-open = Abrir
recording-browse = Elegir…
recording-dialog_title = Abrir una grabación
recording-no_path = Ningún archivo elegido. Si no apareció ninguna ventana, escriba la ruta del archivo y pulse Abrir.
recording-window_title = Grabación: { $name }
recording-what = { $title }: { $n ->
        [one] { $n } paso
       *[other] { $n } pasos
    }
recording-read_only = (una grabación: solo lectura)
recording-left_out = Los { $n } pasos más antiguos quedaron fuera: el archivo tiene más de lo que una ventana puede guardar.
recording-failed = No se pudo abrir { $path }: { $error }
recording-too_large = el archivo tiene { $mb } MB, y una grabación se abre hasta { $max } MB
recording-not_a_recording = no es una grabación de Lojinha (guarde una con el "Guardar…" de un log, formato "Grabación")
recording-newer = la guardó un Lojinha más nuevo (versión { $version } del formato): actualice la aplicación
recording-line_too_long = la línea { $line } es demasiado larga
recording-bad_line = la línea { $line } está dañada ({ $error })
recording-out_of_order = la línea { $line } tiene un paso fuera de orden
recording-incomplete = el archivo termina antes de tiempo: { $n } de { $total } líneas
