# Lojinha: every word the app shows, in English.
# Ids are grouped by the part of the program that shows them; { $name } is filled by the code.
# Numbers given as numbers choose plural forms: { $n -> [one] ... *[other] ... }.

## Main window

app-title = Lojinha
app-new_client = New client window
app-windows_open = Client windows open: { $n }
app-client_name = Name for new windows
app-default_client_name = Client
app-theme = Theme
app-zoom_in = Larger text (for projectors)
app-zoom_out = Smaller text
app-window_failed = Cannot open a client window: { $error }
theme-system = System
theme-light = Light
theme-dark = Dark

## Server panel

server-title = Server
server-explain = A server listens on an address; client windows (here or on other computers) connect to it.
server-listen = Listen address
server-allow_remote = Allow other computers
server-allow_remote_warning =
    Listening on { $addr }: anyone on your network can connect and change the catalog. There is no password.
server-mode = Mode
server-threaded = { server-mode_threaded } (many clients)
server-sequential = { server-mode_sequential } (one at a time)
server-db = Database
server-in_memory = In memory (lost when stopped)
server-db_file = Database file
server-db_used = Uses: { $db }
server-seed_sample = Add sample products when empty
server-catalog_file = In a SQLite file (this computer)
server-catalog_shared = Shared PostgreSQL (many servers, one catalog)
server-postgres = Connection string
server-postgres_help = Servers on several computers can keep one catalog in PostgreSQL: every client sees every change, whichever server it is connected to. A postgres:// URL or host=… dbname=…; the password is kept for this run only (or set PGPASSWORD).
server-postgres_test = Test
server-postgres_testing = Connecting…
server-postgres_needed = Type the shared database's connection string, then Test.
server-postgres_empty = Reached PostgreSQL { $version }. No catalog there yet: the server creates it when it starts.
server-postgres_reached = Reached PostgreSQL { $version }. Its catalog has { $n ->
    [one] 1 product
   *[other] { $n } products
}.
server-postgres_newer = Reached PostgreSQL { $version }, but its catalog was made by a newer Lojinha (schema { $schema }): this server would refuse it.
server-token = Access token (optional)
server-token_hint = none: anyone may connect
server-token_help = Clients must send this token in hello before any other request
server-start = Start server
server-stop = Stop server
server-starting = Starting…
server-stopping = Stopping (saying goodbye to clients)…
server-err_start = Cannot start the server: { $error }
server-bind_failed = cannot listen on { $addr }: { $detail }
server-bind_in_use = the port is in use (is another server running? pick another port)
server-bind_privileged = ports below 1024 need privileges: pick a port from 1024 to 65535
server-bind_bad_address = write the address as host:port, e.g. 127.0.0.1:5050
server-bind_no_such_address = this computer has no such address
server-db_locked = the database { $path } is in use by another process (is another server using it?)
server-db_corrupt = the database { $path } is damaged or is not a Lojinha database ({ $detail })
server-db_open = cannot open the database { $path }: { $detail }
server-no_thread = cannot start a thread: { $detail }
server-err_db_dir = Cannot create the folder { $path }: { $error }
server-running = Running on { $addr }
server-not_running = The server is not running. Press "Start server".
server-uptime = up for { $uptime }
server-products = { $n ->
        [one] { $n } product
       *[other] { $n } products
    }
server-mode_is = mode: { $mode }
server-mode_threaded = threaded
server-mode_sequential = sequential
server-db_is = database: { $db }
server-sessions = Sessions ({ $n })
sessions-id = Id
sessions-client = Client
sessions-peer = Peer
sessions-since = Connected
sessions-requests = Requests
sessions-unnamed = (no hello yet)
sessions-ago = { $time } ago
time-under_a_minute = less than a minute
time-minutes = { $m } min
time-hours = { $h } h { $m } min

## Client window

client-window_title = Client window { $n }
client-name = Client name
client-name_hint = sent in hello
client-token = Token
client-token_hint = if required
client-address = Server
client-address_hint = host:port
client-connect = Connect
client-connect_local = Connect to this app's server ({ $addr })
client-connect_local_none = Connect to this app's server (not running)
client-disconnect = Disconnect
client-auto_reconnect = Reconnect automatically
client-reconnect = Reconnect
client-idle = Not connected. Connect to this app's server, or type host:port and press Connect.
client-connecting = Connecting to { $addr }…
client-reconnecting = Reconnecting to { $addr } (attempt { $attempt })…
client-connected = Connected to { $peer }, session #{ $session }
client-no_server =
    No server is listening at { $addr } (connection refused). Start one with "Start server" in the main window, or check the address.
client-lost = Connection lost: { $reason }
err-resolve = Cannot find the host in { $addr }: { $detail }
err-no_port = The address { $addr } has no port: write it as host:port, e.g. 127.0.0.1:5050
err-connect = Cannot connect to { $addr }: { $detail }
err-timeout = The server did not answer in time
err-io = Connection error: { $detail }
err-protocol = The server sent something unexpected: { $detail }
err-not_found = Product not found: { $code }
err-exists = A product with code { $code } already exists
err-changed = Product { $code } was changed by someone else since you read it
err-token_required = This server requires an access token: type it in the Token field (access token required)
err-token_wrong = The access token is wrong
err-invalid_params = Invalid { $field }: { $reason }
err-parse = The server could not read the message as JSON: { $detail }
err-json_at = { $what } (line { $line }, column { $column })
err-json_expected_value = a value was expected (text needs quotes; true, false and null are lowercase)
err-json_eof = the message ends in the middle
err-json_trailing = there is more after the JSON value
err-json_trailing_comma = a comma before a closing bracket
err-json_unicode = text that is not valid UTF-8 or Unicode
err-json_key = an object key must be a string in quotes
err-json_comma = a comma or a closing bracket was expected
err-json_colon = a colon (:) was expected after the key
err-json_escape = an invalid escape (\) in a string
err-json_number = an invalid number
err-json_control = a control character inside a string
err-invalid_request = Not a valid JSON-RPC request ({ $detail })
err-req_empty_batch = an empty batch ([])
err-req_batch_too_large = a batch of more than { $max } requests
err-req_not_object = a request must be a JSON object
err-req_bad_id = the id must be a string or an integer
err-req_bad_version = jsonrpc must be "2.0"
err-req_method_not_string = method must be a string
err-req_method_missing = method is missing
err-req_bad_params = params must be an object or an array
err-req_too_many_values = the message holds too many values (at most { $max } in one line)
err-req_duplicate_key = an object in the request has the same key twice
err-req_frame_too_large = the message is longer than the limit of { $limit } bytes
err-method = Unknown method: { $method }
err-internal = The server could not store it ({ $detail })
err-storage_full = its disk is full
err-catalog_full = its catalog holds as many products as it allows
err-storage_stopping = it is shutting down
err-storage_read_only = its database is read-only
err-storage_locked = its database is locked by another program
err-storage_io = a disk error
err-lookup_unknown = no such name (check the spelling, or use an IP address)
err-lookup_no_address = the name has no address
err-lookup_no_answer = the name service did not answer (is there a network?)

## Product fields named in errors (the wire name kept beside the translation)

field-code = code
field-name = name
field-price_cents = price_cents
field-quantity = quantity

## Rules a field broke (the `reason` of a -32602 error)

rule-required = is required
rule-empty = must not be empty
rule-not_string = must be a string
rule-not_object = must be an object
rule-too_long = must be at most { $max } characters
rule-too_long_has = must be at most { $max } characters (has { $has })
rule-character = character { $char } is not allowed (use A-Z a-z 0-9 . _ -)
rule-control = must not contain control characters
rule-bidi = must not contain characters that reverse the text direction
rule-nothing_visible = must contain a visible character
rule-integer_range = must be a whole number from { $min } to { $max }
rule-length_range = must be { $min } to { $max } characters
rule-token_too_long = must be a string of at most { $max } bytes
rule-unknown_field = is not a product field
rule-unknown_parameter = is not a parameter of this method
rule-too_many_positional = at most { $max } positional parameters
client-retry_in = Trying again in { $secs } s.
client-disconnected_by_you = you disconnected
client-gave_up = Stopped connecting to { $addr }: you left before it answered
client-not_connected = Not connected
client-no_address = Type the server's address (host:port) first.
client-thread_gone = The network thread stopped; close this window and open another.

## Table

table-filter = Filter
table-filter_hint = code or name
table-reload = Reload
table-count = { $shown } of { $total ->
        [one] { $total } product
       *[other] { $total } products
    }
table-over_max = The server sent more products than the table holds ({ $max }): { $n } not shown
table-malformed = { $n ->
        [one] 1 product from the server broke the rules (code or name too long) and is not shown
       *[other] { $n } products from the server broke the rules (code or name too long) and are not shown
    }
client-commands_full = The connection is busy: too many requests are waiting. Try again in a moment.
table-loading = Loading { $loaded } of { $total }
table-code = Code
table-name = Name
table-price = Price
table-quantity = Quantity
table-sort_hint = Click to sort; again to reverse

## Form

form-title_add = Add a product
form-title_edit = Edit { $code }
form-code = Code
form-code_hint = e.g. CAN-001
form-name = Name
form-name_hint = e.g. Caneta azul
form-price = Price (R$)
form-price_hint = e.g. 2,50
form-quantity = Quantity
form-quantity_hint = 0 if empty
form-add = Add product
form-save = Save changes
form-new = New product
form-delete = Delete…
form-confirm_delete = Delete { $code } for everyone? This cannot be undone.
form-confirm_yes = Yes, delete
form-confirm_no = Cancel
form-added = Added { $code }.
form-saved = Saved { $code }.
form-deleted = Deleted { $code }.
form-fix_fields = Please fix the fields marked in red.
form-err-required = Required
form-err-name = 1 to 200 characters, no control characters
form-err-price = Type a price such as 2,50
form-err-price_decimals = At most two decimal places
form-err-price_too_large = Too large
form-err-price_negative = A price cannot be negative
form-err-price_ambiguous = Thousands or decimals? Write 2,50 or 2.505,00
form-err-quantity = A whole number from 0 to 1,000,000,000
form-err-server = Server: { $reason }

## Fetch

fetch-title = Fetch by code
fetch-code = Code to fetch
fetch-hint = e.g. CAN-001
fetch-button = Fetch
fetch-found = Found { $code }: { $name }, { $price }, { $quantity } in stock
fetch-not_found = Not found: no product has code { $code }

## Export

export-title = Export the list
export-path = File
export-path_hint = /home/me/products.csv
export-button = Export { $n ->
        [one] { $n } product
       *[other] { $n } products
    }
export-dialog = Save as…
export-written = Wrote { $n ->
        [one] { $n } product
       *[other] { $n } products
    } to { $path }
export-failed = Cannot write { $path }: { $error }
export-no_path = No file chosen. If no dialog appeared, type a path above and press Export.

## Log

log-title_client = Connection log
log-title_server = Server log
log-filter = Search the log
log-filter_hint = method, text, JSON
log-auto_scroll = Auto-scroll
log-clear = Clear
log-count = { $n ->
        [one] { $n } step
       *[other] { $n } steps
    }
log-not_shown = { $n ->
        [one] { $n } event not shown (it came faster than the window could show it)
       *[other] { $n } events not shown (they came faster than the window could show them)
    }
log-raw_cut = { $n ->
        [one] ({ $n } more byte of this message was not kept)
       *[other] ({ $n } more bytes of this message were not kept)
    }
log-col-time = Time
log-col-dir = Dir
log-col-session = Sess
log-col-step = Step
log-col-detail = Detail
log-col-bytes = Bytes
log-col-rtt = Time taken
log-copy_json = Copy JSON
log-close_detail = Close
log-go_response = Go to its response
log-go_request = Go to its request
log-no_raw = (no message: a local event)
log-raw_json = Raw JSON
log-bytes = Bytes
log-bytes_hint = The line as the bytes that crossed the wire: hexadecimal beside the characters
log-bytes_legend = { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }, the last one 0a: the \n that ends the line. An accented letter such as ç takes two bytes (c3 a7) in UTF-8; · marks a byte that shows no character.
log-d-request = { $method } (id { $id })
log-d-response = answer to { $method } (id { $id })
log-d-error_response = error for { $method } (id { $id }): { $message }
log-d-error_plain = error (id { $id }): { $message }
log-d-error_no_id = error: { $message }
step-listening = listening
step-connecting = connecting
step-connected = connected
step-session_opened = session opened
step-welcome = welcome
step-hello = hello
step-request = request
step-response = response
step-error_response = error response
step-batch = batch
step-notification = notification
step-goodbye = goodbye
step-garbage = not JSON-RPC
step-read = read
step-error = error
step-closed = closed
step-stopped = stopped

## Language, lesson, diagram

app-language = Language
app-lesson = Lesson
app-lesson_hint = Show or hide the lesson panel
lesson-title = Lesson
lesson-working = Doing it…
lesson-threads_title = Threads demo
lesson-close_threads = Close the threads demo
lesson-no_client = No client window is connected to this app's server.
lesson-server_failed = The server did not start: { $error }
lesson-timeout_server = The lesson gave up waiting for the server to start or stop.
lesson-timeout_connect = The lesson gave up waiting for a client window to connect.
lesson-timeout_disconnect = The lesson gave up waiting for a client window to disconnect.
lesson-timeout_answer = The lesson gave up waiting for the server's answer.
lesson-timeout_threads = The lesson gave up waiting for the threads demo.
lesson-sample_name = Lesson notebook
diagram-title = Sequence diagram

## Client window: reads, console, import

client-show_reads = Show reads
client-show_reads_hint = Log every read() and its size (from the next connection)
console-title = Raw console
console-explain = Type any text and send it as-is, like nc. The answer shows in the log and the diagram.
console-examples = Examples:
console-ex_valid = valid call
console-ex_batch = batch
console-ex_invalid = invalid JSON
console-ex_unknown = unknown method
console-message = Raw message
console-hint = {"{"}"jsonrpc":"2.0", ...{"}"}
console-send = Send raw
console-without_newline = Without \n
console-without_newline_hint = Send the text without the newline at its end: the server keeps waiting for the rest of the line.
console-send_newline = Send \n
console-send_newline_hint = Send only a newline: it ends what was sent without one.
console-pieces = Pieces
console-pieces_hint = Send the text in this many write() calls, one after another; the server reads them as one line.
console-piece_pause = Pause between pieces
export-file_name = lojinha-products
export-dialog_title = Export the product list
import-title = Import products
import-dialog_title = Import products from a file
import-dialog_filter = CSV or JSON
import-explain =
    CSV or JSON as exported here, or a spreadsheet's CSV (; and decimal commas). Each product is added through the server.
import-path = File to import
import-button = Import
import-dialog = Open…
import-progress = Adding { $done } of { $total }
import-summary = Import done: { $added } added, { $skipped } skipped
import-skipped_line = line { $line }: { $reason }
import-refused = { $code }: server said { $error }
import-more = … and { $n } more
import-failed = Cannot import { $path }: { $error }
import-no_path = No file chosen. If no dialog appeared, type a path above and press Import.

## Why an imported record or file was left out

skip-rule = { $field }: { $reason }
skip-price_empty = price is empty
skip-price_not_number = price is not a number: '{ $raw }'
skip-price_too_large = price is too large: '{ $raw }'
skip-price_decimals = price has more than 2 decimal places: '{ $raw }'
skip-price_negative = price is negative: '{ $raw }'
skip-price_ambiguous = price is ambiguous (thousands or decimals?): '{ $raw }'
skip-not_whole = { $column } is not a whole number: '{ $raw }'
skip-column_empty = { $column } is empty
skip-field_count = the row has { $has ->
        [one] { $has } field
       *[other] { $has } fields
    } but the header has { $header }
skip-unclosed_quote = a quoted field is never closed
skip-price_mismatch =
    price '{ $price }' and price_cents '{ $cents }' disagree: correct one of them, or delete one of the two columns
skip-duplicate_line = duplicate code '{ $code }' (first on line { $first })
skip-duplicate_item = duplicate code '{ $code }' (first as item { $first })
skip-file_empty = the file is empty
skip-not_json = the file is not valid JSON: { $what } (line { $line }, column { $column })
skip-not_array = expected a JSON array of products
skip-missing_column = the header has no { $column } column (it has: { $header })
skip-column_code = 'code'
skip-column_name = 'name'
skip-column_price = 'price_cents' or 'price'

## Files

file-not_found = the file does not exist
file-permission = permission denied
file-is_directory = that is a folder, not a file
file-disk_full = the disk is full
file-other = { $detail }

## Lesson steps (teach/src/lesson/steps.rs)

lesson-intro-title = Sockets: addresses and ports
lesson-intro-explanation =
    A socket is one end of a conversation between two programs. To find the other end you need two numbers. The IP address names the machine: 127.0.0.1 is always your own computer. The port, from 0 to 65535, names the program on that machine. The Lojinha server listens on { $addr }.

    Only one server can use a port at a time. If two students in the lab choose the same port, the second server cannot start.
lesson-intro-look_at = The address and port shown in the server panel and in each client window.

lesson-v1_no_server-title = v1: connect with no server running
lesson-v1_no_server-explanation =
    The lesson asks: what happens if you run the client without the server? Try it. The client asks for a connection on port { $port }, but no program is listening there, so the operating system answers at once with a refusal. The client gets the error “connection refused” (ECONNREFUSED: os error 111 on Linux, 10061 on Windows).

    Nothing waits and nothing tries again: to connect, a server must already be listening.
lesson-v1_no_server-look_at =
    The client's log: a connect() attempt, then the error. The diagram stays empty: no message could be sent.

lesson-v1_connect-title = v1: start the server, then connect
lesson-v1_connect-explanation =
    Now start the server first. It takes the port (bind), starts listening (listen) and waits for clients (accept). When the client calls connect, the two operating systems do the TCP handshake, and accept returns a new socket just for this client.

    In the lesson's version 1 the server prints a message and ends. Lojinha's server keeps running, so you can go on.
lesson-v1_connect-look_at =
    A new session in the server panel, with the client's address and port: a high port chosen by the client's system. The diagram marks the connection on the lifelines.

lesson-v2_hello-title = v2: the server speaks first
lesson-v2_hello-explanation =
    In version 2 the server sends a message and the client answers. That order is a protocol: an agreement both sides must keep. If both wait to read, they wait forever.

    In Lojinha the server speaks first with a welcome notification, which carries the session number. Then the client introduces itself with hello, and the server answers with a result.
lesson-v2_hello-look_at =
    In the diagram, welcome comes first as a one-way arrow: nobody answers a notification. Then the hello request and its result, paired by their id, with the round-trip time. This step pauses the server for a moment (“Teacher's controls” in the server panel): the client is connected but nothing arrives: it waits for the server to speak first. The welcome goes out after two seconds, then the hello's answer is held the same way.

lesson-v3_json-title = v3: an object crosses the wire
lesson-v3_json-explanation =
    Sockets carry bytes, not objects. To send a product, the client turns it into text and the server turns the text back into a product. Lojinha uses JSON:
    {"{"}"code":"CAN-001","name":"Caneta azul","price_cents":250,"quantity":40{"}"}

    The lesson's version 3 uses Python's pickle. Lojinha never does that: loading a pickle can run any code the sender put in it, and a server must never execute what a client sends. JSON is only data: the server reads it, checks every field and refuses what breaks a rule. Money travels as whole cents, never as a floating-point number.
lesson-v3_json-look_at =
    Hover over the product.add arrow to see the exact JSON that crossed the wire. Other open clients receive a product.added notification.

lesson-v4_commands-title = v4: commands and the protocol
lesson-v4_commands-explanation =
    Version 4 gives the server three commands: add a product, list the products, and end. Lojinha has the same three: product.add, product.list and quit.

    Each request names its method and carries an id; the answer carries the same id, so the client knows which question it answers. Both sides must respect these rules. A client that sends something else gets an error, and the server does not crash.

    After quit the server answers {"{"}"bye":true{"}"} and closes this connection. The server itself keeps running for the other clients: a client can never stop it.
lesson-v4_commands-look_at =
    The product.list result and its size in bytes; then quit, its bye, and the close mark on the lifeline.

lesson-threads_intro-title = Threads: a quick introduction
lesson-threads_intro-explanation =
    A thread runs a sequence of instructions alongside the other threads of the same program. Take four tasks of 3, 2, 1 and 0.5 seconds.

    Run one after another, task 2 starts only when task 1 ends: 6.5 seconds in all.

    Give each task its own thread and they run at the same time. The whole run takes about as long as the longest task, 3 seconds, and the shortest task, number 4, finishes first. Here the tasks really sleep, on real threads.
lesson-threads_intro-look_at =
    The two timelines: bars one after another against bars side by side, the measured totals, and the order in which the tasks finish.

lesson-v5_threaded-title = v5: a sequential server against a threaded one
lesson-v5_threaded-explanation =
    The version 4 server serves one client at a time. While it talks to one client, a second client can connect, but nobody reads what it sends: it waits in the operating system's queue until the first one leaves.

    The version 5 server starts a thread for each client, so all of them are served at the same time.

    This step runs the server in sequential mode and then in threaded mode, with two clients each time.
lesson-v5_threaded-look_at =
    The server panel's log and diagram keep both runs. In sequential mode a note marks when the second client connected and how long it waited: its welcome comes only after the first one quits. In threaded mode both get it at once. Compare the times in the diagram. During the sequential run the server is also paused for a moment, holding window 1's answer (“Teacher's controls”): window 1 waits for it, and window 2 waits behind window 1.

lesson-v5_reads-title = v5: a message larger than one read
lesson-v5_reads-explanation =
    TCP delivers a stream of bytes, not messages. A long message can arrive in several pieces, and one read can bring the end of one message together with the start of the next.

    The lesson's client reads 2048 bytes at a time and joins the pieces. Lojinha does the same, and ends every message with a line break, so the receiver knows where each message ends: it keeps reading until the line break. Stopping when a read returns less than 2048 bytes, as the lesson's loop does, is not safe: a read can return less even in the middle of a message.

    This step fills the catalog and asks for a list much larger than 2048 bytes, with “show reads” turned on.
lesson-v5_reads-look_at =
    The read() marks in the diagram and in the log: one product.list result arrives in many pieces and becomes one message again only when its line break arrives. Then the server writes each line in four pieces, with a pause between them (“send in pieces”), and the client fetches one product: even a short answer arrives in several reads.

lesson-exercise-title = Exercise: fetch a product by its code
lesson-exercise-explanation =
    The lesson's exercise: the client sends a product's code, the server looks it up in its database and sends the product back, if it exists. Lojinha's server does this with product.get, using SQLite where the lesson uses TinyDB.

    Try a code that exists and one that does not. Then write your own client in Python: open a socket to the server at { $addr }, send one line of JSON and read one line back:
    {"{"}"jsonrpc":"2.0","id":1,"method":"product.get","params":{"{"}"code":"CAN-001"{"}"}{"}"}
lesson-exercise-look_at =
    The product.get result with the product; for a missing code, the error 1001 “product not found” in red, with the same id as its request.
lesson-many_servers-title = Next: many servers, one database
lesson-many_servers-explanation =
    One thread per client serves a whole class, but one server is still one process on one computer. A school lab outgrows it: two teachers' servers, or a class split over two machines, want one catalog that every server reads and writes.

    Then the catalog moves into a database server that all of them share: PostgreSQL. Each Lojinha server still keeps a copy in memory for fast reads, and writes go to the database. When a change is committed, PostgreSQL tells every server (LISTEN and NOTIFY), and each server pushes it to its own clients, in the same order everywhere.

    This step starts two servers on the PostgreSQL database chosen in the server panel ("Shared PostgreSQL"), opens a window on each, and adds a product through the first one.
lesson-many_servers-look_at =
    The first window's diagram: the product.add request goes to server A and its answer comes back. The second window is connected to server B, which never received that request, and yet its diagram shows product.added arriving: the change crossed from one server to the other through the database. The note on the server panel's lifeline says which server passed it on.
lesson-many_servers-needs_postgres =
    This step needs a PostgreSQL database. In the server panel choose "Shared PostgreSQL", type its connection string (for example postgres://postgres@127.0.0.1/lojinha) and press Test. To install one on Debian or Ubuntu: sudo apt install postgresql, then sudo -u postgres createdb lojinha.
lesson-note_crossed = { $code } reached { $window } through server B ({ $addr }).
lesson-timeout_crossed = The lesson gave up waiting for the other server's window to receive the product.


## Sequence diagram (teach/src/diagram)

diagram-client = Client
diagram-server = Server
diagram-session = Session { $lane }
diagram-session_named = Session { $lane }: { $client }
diagram-no_messages = No messages yet.
diagram-click_to_select = Click to select this message in the log.
diagram-time = Time
diagram-seconds = { $seconds } s
diagram-bytes = ({ $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    })
diagram-legend_request = request
diagram-legend_response = response
diagram-legend_error = error
diagram-legend_notification = notification
diagram-legend_batch = batch
diagram-legend_event = event
diagram-not_json_rpc = not JSON-RPC: { $raw }
diagram-closed = closed: { $reason }
diagram-error = error{ $code }{ $id }{ $rtt }
diagram-batch = batch{ $id }{ $rtt }
diagram-duration_ms = { $ms } ms
diagram-duration_s = { $s } s

## Threads demo (teach/src/threads_demo)

threads-task = Task { $n }
threads-task_length = Task { $n } ({ $seconds } s)
threads-run_sequential = Run one after another
threads-run_concurrent = Run each on its own thread
threads-sequential_title = One after another (sequential)
threads-concurrent_title = Each on its own thread (concurrent)
threads-total = total { $seconds } s
threads-heading = { $title }: { $status }
threads-running = running…
threads-not_run_yet = not run yet
threads-summary = Task { $first } finished first · Finish order: { $order }
threads-seconds = { $seconds } s
threads-no_thread = could not start a thread: { $error }

## Lesson panel (teach/src/lesson)

lesson-previous = Previous
lesson-next = Next
lesson-step_of = Step { $n } of { $total }
lesson-all_steps = All steps
lesson-numbered = { $n }. { $title }
lesson-do_it = Do it
lesson-what_to_look_at = What to look at
lesson-no_action = Nothing to run in this step: read it and go on.

## Why a connection ended (teach/src/closing); the words in parentheses are the wire's

closing-goodbye-idle_timeout = the server closed the connection after too long without a message (idle timeout)
closing-goodbye-too_slow = the server dropped this client for not reading its messages (too slow)
closing-goodbye-shutting_down = the server is shutting down
closing-goodbye-full = the server is full (too many clients)
closing-goodbye-per_address = the server allows no more connections from this computer's address
closing-goodbye-line_timeout = the server waited too long for the rest of a line (line timeout)
closing-goodbye-wrong_token = the server closed the connection after too many wrong tokens
closing-goodbye-other = the server said goodbye: { $reason }
closing-server_closed = the server closed the connection
closing-too_large = the server sent a message larger than the limit
closing-reader_stopped = the connection's reader stopped
closing-send_failed = cannot send: { $detail }
closing-read_failed = connection error: { $detail }
closing-by_this_client = closed by this client
closing-session-client_closed = the client closed the connection
closing-session-quit = the client sent quit
closing-session-idle_timeout = no message for too long (idle timeout)
closing-session-line_timeout = a line took too long to arrive (line timeout)
closing-session-wrong_token = too many wrong tokens
closing-session-too_slow = the client did not read its messages (too slow)
closing-session-frame_too_large = a message longer than the limit (frame too large)
closing-session-shutting_down = the server is shutting down
closing-session-dropped_by_owner = dropped by the server's owner (no goodbye)
closing-session-error = socket error: { $detail }
closing-connect-refused = connection refused (no server there)
closing-connect-name_lookup = name lookup failed (connect() never ran)
closing-connect-other = connect() failed
closing-connect-gave_up = connect() given up: you left
closing-refusal-full = the server is full
closing-refusal-per_address = too many connections from this address
socket-reset = the other side reset the connection
socket-aborted = the connection was aborted
socket-broken_pipe = the other side had already closed
socket-timed_out = timed out
socket-host_unreachable = the host cannot be reached
socket-network_unreachable = the network cannot be reached
socket-network_down = the network is down
socket-address_not_available = that address is not available

## What a step at one end says (teach/src/steps/words.rs), in the log and the diagram

steps-connect_to = connect() to { $addr }
steps-connected_as = connected as { $local } -> { $peer }
steps-read = read(): { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }
steps-listening_on = listening on { $addr } ({ $mode })
steps-accepted = accept() from { $peer }
steps-named = hello: { $client }
steps-refused = refused { $peer }: { $reason }
steps-stopped = stopped
step-owner = teacher
step-piece = piece
steps-piece = write(): piece { $n } of { $of } ({ $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    })
steps-owner_held = answer held by the teacher ({ $n } held)
steps-owner_hold_full = too many answers held: this one goes at once
steps-owner_released_next = released: Next
steps-owner_released_all = released: Release all
steps-owner_released_unpaused = released: the pause is off
steps-owner_discarded = held answer thrown away: the session closed
steps-owner_delayed = slow motion: waits { $delay }
diagram-show_closed_sessions = Show closed sessions ({ $n })

## Presentation mode, the server panel, the lesson's confirmations and notes (app/src/app/room.rs, app/src/app/lesson.rs)

room-presentation = Presentation (F5)
room-leave_presentation = Leave presentation (F5)
room-presentation_hint = For a projector: larger text, the side panels folded away, the server's log and diagram across the window. F5 turns it on and off.
room-server_panel = Server settings
room-server_panel_hint = Show or hide the server's settings on the left.
room-hide_panel = Hide this panel
step-note = note
lesson-confirm_title = Before this step:
lesson-risk_stop = it stops the server running on { $addr }, and its clients are disconnected.
lesson-risk_catalog = it adds a sample product to the catalog of the running server ({ $db }).
lesson-confirm_go = Go ahead
lesson-confirm_cancel = Cancel
lesson-own_catalog = Lesson catalog in memory
lesson-own_catalog_hint = The server the lesson starts keeps its own catalog in memory, lost when it stops. Untick to use the database chosen in the server panel. The big list of step 9 always stays in memory.
lesson-reset = Reset the lesson
lesson-reset_hint = Closes the windows the lesson opened, stops the server it started and goes back to step 1.
lesson-note_queued = { $window } is connected (TCP), but the sequential server is busy with another client: nobody reads it yet, it waits in the system's queue.
lesson-note_waited = { $window } waited { $time } for its welcome.
lesson-note_sequential_held = The server is paused while it serves window 1: window 1 waits for its answer, and the sequential server cannot turn to anyone else meanwhile.
lesson-note_welcome_held = The server is paused: it holds its welcome. The client is connected, yet it cannot go on: in this protocol the server speaks first.
lesson-note_hello_held = The welcome went out; the client answered with hello. Now the server holds its answer to hello.
lesson-note_pieces = From now on the server writes each line in 4 pieces, 0.3 s apart: even a short answer arrives in several reads.

## Changed by someone else, export formats, students' addresses, idle timeout (app/src/client/form.rs, export, app/src/server)

form-changed_elsewhere = { $code } was changed by someone else while you were editing it. Nothing was overwritten.
form-changed_before_delete = { $code } was changed by someone else since you opened it, so it was not deleted.
form-deleted_elsewhere = { $code } was deleted by someone else. It can no longer be saved.
form-theirs = Now on the server
form-yours = Your form
form-take_theirs = Load their version
form-overwrite = Save mine anyway
form-delete_anyway = Delete anyway
form-overwrite_hint = Replaces what is on the server now, on purpose
form-took_theirs = Loaded the current { $code }.
form-add_again = Add it again with these values
export-format_spreadsheet = Spreadsheet in Portuguese (; and 2,50)
export-written_as = Wrote { $n ->
        [one] { $n } product
       *[other] { $n } products
    } as { $format } to { $path }
export-mismatch = Nothing was written: the file name ends in .{ $ext }, but the format chosen is { $format }.
export-fix_extension = Write { $format } to { $path }
server-idle_timeout = Idle timeout
server-idle_timeout_hint = A connection that sends nothing for this long gets a goodbye and is closed. Client windows of this app ping every 60 s, so below that a window that only watches is dropped (and reconnects).
server-idle_is = idle timeout: { $s } s
teacher-title = Teacher's controls: make the server misbehave
teacher-explain = On purpose, for a class: hold answers, slow them down, send them in pieces, drop a client. Clients cannot reach these.
teacher-pause = Pause (hold every answer)
teacher-pause_hint = Every line the server writes (welcome, answers, notifications) waits until you release it. A goodbye never waits.
teacher-next = Next
teacher-release_all = Release all
teacher-held = { $n ->
        [0] nothing held
        [one] { $n } answer held
       *[other] { $n } answers held
    }
teacher-slow = Slow motion
teacher-slow_hint = Each line waits this long before it is written.
teacher-pieces = Send in pieces
teacher-pieces_hint = Each line is written in this many write() calls: with "show reads" a client sees one message arrive in several reads.
teacher-piece_pause = Pause between pieces
sessions-drop = Drop #{ $id }
sessions-drop_hint = Close this client's connection at once, with no goodbye: watch how its window finds out.
server-students_type = On other computers, students connect to one of these addresses:
server-no_addresses = No network address found besides this computer's own: is it connected to a network?

## lojinha-check: checking a student's server (check/)

check-header = Checking the server at { $address }
check-summary = { $passed ->
        [one] { $passed } passed
       *[other] { $passed } passed
    }, { $failed ->
        [one] { $failed } failed
       *[other] { $failed } failed
    }, { $not_reached ->
        [one] { $not_reached } not reached
       *[other] { $not_reached } not reached
    }.
check-summary_all = { $passed ->
        [one] The check passed.
       *[other] All { $passed } checks passed.
    }
check-not_reached = not reached: { $check } failed first
check-sent = sent
check-expected = expected
check-arrived = arrived
check-problem = problem
check-hint = hint
check-title-connect = Accepts a connection (v1)
check-title-welcome = Greets first with a welcome line (v2)
check-title-json-lines = Answers with JSON-RPC 2.0 lines ending in \n
check-title-add = product.add of a valid product returns it (v3/v4)
check-title-list = product.list returns the product (v4)
check-title-big-product = A product larger than one read() arrives whole (v5)
check-title-two-clients = Two clients at once are both served (v5 threads)
check-title-get = product.get finds a product by code (exercise)
check-title-get-missing = product.get of a missing code answers 1001 (exercise)
check-title-parse-error = Invalid JSON answers -32700 and the session goes on
check-title-unknown-method = An unknown method answers -32601
check-title-bad-params = Bad params answer -32602
check-title-quit = quit answers bye and ends the session
check-title-pipeline = Requests sent all at once are answered in order
check-title-notify = A change by one client reaches the other as a notification
check-expect-connect = the server accepts a TCP connection
check-expect-welcome = before the client says anything, a line like {"{"}"jsonrpc":"2.0","method":"welcome","params":...{"}"} ending in \n
check-expect-json-lines = one line ending in \n with "jsonrpc":"2.0", the request's id, and a result or an error
check-expect-add = a result with the same code, name, price_cents and quantity
check-expect-list = a result {"{"}"products":[...]{"}"} that includes the product just added
check-expect-big-product = the product with its 200-character name, whole (the request is about 2.5 KiB, sent in two parts)
check-expect-two-clients = the second client is greeted and answered while the first one stays connected; then the first one is answered too
check-expect-get = a result with the product of that code
check-expect-get-missing = an error with code 1001 (not found)
check-expect-parse-error = an error -32700 with id null, then an answer to the next request on the same connection
check-expect-unknown-method = an error -32601 (method not found)
check-expect-bad-params = an error -32602 (invalid params) for a negative price
check-expect-quit = the result {"{"}"bye":true{"}"}, then the server closes the connection
check-expect-pipeline = three answers, in the order of the three requests
check-expect-notify = the other client receives {"{"}"method":"product.added",...{"}"} with the new product
check-said-refused = could not connect: { $a }
check-said-silent = no answer within { $s } s
check-said-no_newline = bytes arrived, but no \n ended the line within { $s } s
check-said-closed = the server closed the connection
check-said-not_utf8 = the line is not valid UTF-8
check-said-not_json = the line is not JSON: { $a }
check-said-not_jsonrpc = the message is not JSON-RPC 2.0
check-said-not_welcome = the first line is not a welcome notification
check-said-wrong_id = the answer has id { $b }, the request had id { $a }
check-said-error_answer = error { $a }: { $b }
check-said-result_answer = a result instead of error { $a }
check-said-wrong_code = error { $b } instead of { $a }
check-said-wrong = the answer is not the expected one
check-hint-refused = Nothing listens at this address. Is your server running, on this port? Did it call bind and listen? A server on another computer must listen on 0.0.0.0, not 127.0.0.1.
check-hint-silent = Your server sent nothing within { $s } s. Maybe it is waiting for more bytes, or it is stuck in another call (recv, accept, a lock).
check-hint-no_newline = Your server answered without \n at the end of the line, so the client keeps waiting for the rest of the message. Send json.dumps(answer) + "\n".
check-hint-closed = Your server closed the connection (or crashed) here. Look at its terminal for an error.
check-hint-not_utf8 = Your server sent bytes that are not UTF-8. Encode text with .encode("utf-8"), and never send pickle: the protocol is JSON text.
check-hint-not_json = What your server sent is not JSON. Send json.dumps(...) of a dict, one per line, nothing else on the line (no print-style text, no Python repr with single quotes).
check-hint-not_jsonrpc = Every message needs "jsonrpc": "2.0", and an answer needs the request's "id" and exactly one of "result" or "error".
check-hint-not_welcome = The server speaks first: right after accept, send {"{"}"jsonrpc":"2.0","method":"welcome","params":{"{"}"server":...,"protocol":1,"session":...{"}"}{"}"} and a \n, before reading anything.
check-hint-wrong_id = The answer must carry the same "id" as the request it answers (here { $a }), copied exactly, string or number.
check-hint-error_answer = Your server answered with error { $a } ("{ $b }") where a result was expected.
check-hint-result_answer = Your server answered with a result where the protocol asks for error { $a }: an answer with "error": {"{"}"code": { $a }, "message": ...{"}"} and no "result".
check-hint-wrong_code = The error's code should be { $a }, your server sent { $b }. The codes are fixed by the protocol so that every client understands them.
check-hint-list_shape = product.list answers {"{"}"products": [...], "next": ..., "total": ...{"}"}, an object with the list inside, not the list alone.
check-hint-list_missing = The product just added is not in product.list. Are add and list using the same list (or database), shared by all clients?
check-hint-get_differs = product.get answered another product than the one with that code. Look it up by its "code" field.
check-hint-add_differs = product.add must answer with the product as stored: the same code, name, price_cents and quantity.
check-hint-big_cut = Your server handled the first recv() as if it were the whole message. A message can arrive in pieces: keep reading and joining the pieces until you find \n, then decode the line.
check-hint-pipeline_lost = The requests arrived together and your server did not answer each one. One recv() may bring several lines: split what you read at each \n, answer every complete line, and keep the rest for the next recv().
check-hint-pipeline_order = The answers came in another order than the requests. Answer the lines of one connection one after the other, in the order they arrived.
check-hint-one_at_a_time = The second client was not served while the first one was connected: your server serves one client at a time. Start a threading.Thread for each client that accept returns (lesson v5).
check-hint-no_notification = The other client heard nothing. After a successful add, send {"{"}"jsonrpc":"2.0","method":"product.added","params":{"{"}"product":...{"}"}{"}"} to every other connected client (keep a list of their sockets, with a lock).
check-hint-crashed = Your server closed the connection after a line that is not JSON: it probably crashed on json.loads. Catch the error (try/except), answer -32700 and keep reading.
check-hint-quit_answer = quit answers the result {"{"}"bye": true{"}"}.
check-hint-quit_open = After answering quit, the server must close the connection (conn.close()); the client is waiting for that.

## The app's "Check a server" window (app/src/check)

app-check_server = Check a server
app-check_server_hint = Runs lojinha-check's checks against any server (a student's, this app's, another computer's) and says what is right and where it breaks the protocol.
checkwin-intro = Runs the lesson's checks, one after the other, against a server that claims to speak Lojinha's protocol. Select a check to see its exchange.
checkwin-address = Server address
checkwin-run = Run the checks
checkwin-running = Checking…
checkwin-none_yet = No checks run yet.
checkwin-select = Select a check to see what was sent and what arrived.
checkwin-mark_passed = [ok]
checkwin-mark_failed = [failed]
checkwin-mark_not_reached = [not reached]

## The lesson's Python code (teach/src/lesson/code.rs)

lesson-show_code = Show the code (Python)
lesson-run_it = Run it: { $command }

## Report card per session in the server panel (app/src/server/report_card.rs)

sessions-report_card = Report card
sessions-card_ok = { $good } ok
sessions-card_mistakes = { $good } ok, { $mistakes ->
        [one] { $mistakes } mistake
       *[other] { $mistakes } mistakes
    }
sessions-mistake_not_json = lines that are not JSON (-32700): the client must send json.dumps(...) and a \n
sessions-mistake_invalid_request = requests that are not JSON-RPC 2.0 (-32600): "jsonrpc": "2.0", a "method", an "id"
sessions-mistake_unknown_method = unknown methods (-32601): check the method's name
sessions-mistake_bad_params = invalid params (-32602): a product that breaks the rules
sessions-mistake_no_id = requests sent without an "id" (no answer can come): a request needs an "id"
sessions-mistake_hello_again = "hello" sent again on the same connection: once is enough
sessions-mistake_no_newline = a last line without "\n": the client closed the connection instead of ending the line (a server that reads until "\n" would wait for the rest and never answer)

## Saving a log and its diagram; class recordings (app/src/log/save.rs, app/src/recording.rs)

save-open = Save…
save-open_hint = Save the diagram (SVG, PNG), the log (text, Markdown, JSON Lines) or the whole session as a recording to open later
save-path = Save to
save-format = Format
save-format_svg = Diagram as SVG
save-format_png = Diagram as PNG
save-format_text = Log as text
save-format_markdown = Log as Markdown
save-format_jsonl = Log as JSON Lines
save-format_recording = Recording (.lojinha)
save-button = Save { $n ->
        [one] { $n } step
       *[other] { $n } steps
    }
save-filtered = Only the { $n } of { $total } steps the log's filter shows (clear the filter to save the whole session).
save-range = Only part of the session:
save-range_from = from
save-range_to = to
save-selected = Only { $n } of { $total } steps: those in the time range (and the log's search, if one is typed).
save-written_as = Wrote { $n ->
        [one] { $n } step
       *[other] { $n } steps
    } as { $format } to { $path }
save-dialog_title = Save the log or the diagram
save-file_diagram = lojinha-diagram
save-file_log = lojinha-log
save-file_recording = lojinha-class
recording-open_button = Open a recording…
recording-open_hint = Replay a recording saved with a log's "Save…": its log and diagram as they were, read-only, no server needed
recording-open_title = Open a recording
recording-open_explain = A .lojinha file saved with a log's "Save…": a class, or what a student's client did.
recording-path = Recording file
recording-open = Open
recording-browse = Choose…
recording-dialog_title = Open a recording
recording-no_path = No file chosen. If no dialog appeared, type the file's path and press Open.
recording-window_title = Recording: { $name }
recording-what = { $title }: { $n ->
        [one] { $n } step
       *[other] { $n } steps
    }
recording-read_only = (a recording: read-only)
recording-left_out = The { $n } oldest steps were left out: the file holds more than a window may keep.
recording-failed = Cannot open { $path }: { $error }
recording-too_large = the file has { $mb } MB, and a recording opens up to { $max } MB
recording-not_a_recording = it is not a Lojinha recording (save one with a log's "Save…", format "Recording")
recording-newer = it was saved by a newer Lojinha (format version { $version }): update the app
recording-line_too_long = line { $line } is too long
recording-bad_line = line { $line } is damaged ({ $error })
recording-out_of_order = line { $line } holds a step out of order
recording-incomplete = the file ends early: { $n } of { $total } lines
