//! The owner's commands on standard input (`--stdin-commands`): the server
//! panel's teacher's controls, typed one a line. Answers go to standard
//! error, like the rest of what the server says to its owner.

use std::io::{BufRead, Write};
use std::time::Duration;

use crossbeam_channel::{Receiver, never, select};
use lojinha_server::ServerHandle;

const HELP: &str =
    "commands: pause | resume | next | release | slow MS | pieces N [MS] | drop SESSION | sessions | help";

/// One typed command.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    Pause,
    Resume,
    Next,
    Release,
    Slow(Duration),
    Pieces(usize, Option<Duration>),
    Drop(u64),
    Sessions,
    Help,
}

/// Starts the thread that reads standard input; each line arrives on the
/// channel, which ends when standard input does.
pub fn read_stdin() -> Result<Receiver<String>, String> {
    let (tx, rx) = crossbeam_channel::bounded(16);
    std::thread::Builder::new()
        .name("stdin-commands".into())
        .spawn(move || {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        })
        .map_err(|e| format!("cannot start the stdin-commands thread: {e}"))?;
    Ok(rx)
}

/// Serves until Ctrl-C or SIGTERM, carrying out the typed commands meanwhile.
pub fn serve_until_stopped(handle: &ServerHandle, stop: &Receiver<()>, commands: &Receiver<String>) {
    let mut commands = commands.clone();
    loop {
        select! {
            recv(stop) -> _ => return,
            recv(commands) -> line => match line {
                Ok(line) if line.trim().is_empty() => {}
                Ok(line) => say(&match parse(&line) {
                    Ok(command) => run(handle, command),
                    Err(why) => format!("{why}\n{HELP}"),
                }),
                // Standard input closed: go on serving.
                Err(_) => commands = never(),
            },
        }
    }
}

fn say(text: &str) {
    writeln!(std::io::stderr(), "{text}").ok();
}

fn parse(line: &str) -> Result<Command, String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = |i: usize| -> Result<u64, String> {
        let word = words.get(i).ok_or_else(|| format!("{} needs a number", words[0]))?;
        word.parse().map_err(|_| format!("not a number: {word}"))
    };
    Ok(match words.first().copied().unwrap_or_default() {
        "pause" => Command::Pause,
        "resume" => Command::Resume,
        "next" => Command::Next,
        "release" => Command::Release,
        "slow" => Command::Slow(Duration::from_millis(number(1)?)),
        "pieces" => {
            let pause = if words.len() > 2 { Some(Duration::from_millis(number(2)?)) } else { None };
            Command::Pieces(number(1)? as usize, pause)
        }
        "drop" => Command::Drop(number(1)?),
        "sessions" => Command::Sessions,
        "help" => Command::Help,
        other => return Err(format!("unknown command: {other}")),
    })
}

/// Carries out a command; what to tell the owner.
fn run(handle: &ServerHandle, command: Command) -> String {
    let controls = handle.controls();
    let mut settings = controls.settings();
    match command {
        Command::Pause => settings.paused = true,
        Command::Resume => settings.paused = false,
        Command::Next => return format!("released {}, {} held", u8::from(controls.next()), controls.held()),
        Command::Release => return format!("released {}", controls.release_all()),
        Command::Slow(delay) => settings.slow = delay,
        Command::Pieces(n, pause) => {
            settings.pieces = n;
            settings.piece_pause = pause.unwrap_or(settings.piece_pause);
        }
        Command::Drop(id) if handle.drop_session(id) => return format!("session {id} dropped"),
        Command::Drop(id) => return format!("no session {id}"),
        Command::Sessions => return sessions(handle),
        Command::Help => return HELP.into(),
    }
    controls.set(settings);
    let now = controls.settings();
    format!(
        "paused: {}, held: {}, slow: {} ms, pieces: {}, pause between pieces: {} ms",
        now.paused,
        controls.held(),
        now.slow.as_millis(),
        now.pieces,
        now.piece_pause.as_millis()
    )
}

fn sessions(handle: &ServerHandle) -> String {
    let list: Vec<String> = handle
        .sessions()
        .iter()
        .map(|s| format!("#{} {} {}: {}", s.id, s.peer, s.client.as_deref().unwrap_or("-"), s.card))
        .collect();
    if list.is_empty() { "no sessions".into() } else { list.join("\n") }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each command reads as typed; a missing or bad number says so.
    #[test]
    fn commands_parse() {
        assert_eq!(parse(" next "), Ok(Command::Next));
        assert_eq!(parse("slow 1500"), Ok(Command::Slow(Duration::from_millis(1500))));
        assert_eq!(parse("pieces 4"), Ok(Command::Pieces(4, None)));
        assert_eq!(parse("pieces 4 200"), Ok(Command::Pieces(4, Some(Duration::from_millis(200)))));
        assert_eq!(parse("drop 3"), Ok(Command::Drop(3)));
        assert!(parse("drop").unwrap_err().contains("needs a number"));
        assert!(parse("slow fast").unwrap_err().contains("not a number"));
        assert!(parse("fly").unwrap_err().contains("unknown command"));
    }
}
