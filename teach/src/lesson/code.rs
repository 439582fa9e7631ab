//! The lesson's programs in Python (`examples/python/`), compiled in, so the
//! lesson panel shows each step's code: the class sees the code, runs it
//! with the command shown, and checks it with `lojinha-check`.

use super::step::StepId;

/// One Python file of the lesson: its path under `examples/python/` and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PythonFile {
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! python {
    ($path:literal) => {
        PythonFile { path: $path, text: include_str!(concat!("../../../examples/python/", $path)) }
    };
}

const V1: [PythonFile; 2] = [python!("v1/servidor.py"), python!("v1/cliente.py")];
const V2: [PythonFile; 2] = [python!("v2/servidor.py"), python!("v2/cliente.py")];
const V3: [PythonFile; 2] = [python!("v3/servidor.py"), python!("v3/cliente.py")];
const V4: [PythonFile; 2] = [python!("v4/servidor.py"), python!("v4/cliente.py")];
const V5: [PythonFile; 2] = [python!("v5/servidor.py"), python!("v5/cliente.py")];
const EXERCISE: [PythonFile; 2] = [python!("exercicio/servidor.py"), python!("exercicio/cliente.py")];

/// The Python files of a step (none for the steps that only explain).
pub fn python_files(id: StepId) -> &'static [PythonFile] {
    match id {
        StepId::Intro | StepId::ThreadsIntro | StepId::ManyServers => &[],
        StepId::V1NoServer | StepId::V1Connect => &V1,
        StepId::V2Hello => &V2,
        StepId::V3Json => &V3,
        StepId::V4Commands => &V4,
        StepId::V5Threaded | StepId::V5Reads => &V5,
        StepId::Exercise => &EXERCISE,
    }
}

/// Every Python file the lesson shows (the glyph test draws them all).
pub fn all_python_files() -> impl Iterator<Item = &'static PythonFile> {
    [&V1, &V2, &V3, &V4, &V5, &EXERCISE].into_iter().flatten()
}

/// The command that runs `file` from the repository's root, on `port`.
pub fn run_command(file: &PythonFile, address: &str) -> String {
    let (host, port) = address.rsplit_once(':').unwrap_or(("127.0.0.1", "5050"));
    match file.path.ends_with("servidor.py") {
        true => format!("python3 examples/python/{} {port}", file.path),
        false => format!("python3 examples/python/{} {host} {port}", file.path),
    }
}
