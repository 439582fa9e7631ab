//! The lesson's steps: which texts each shows and what it does. The texts
//! themselves are in the words files (`words/ftl/*.ftl`, ids `lesson-<step>-*`),
//! written for students in each language, not translated word by word.

use super::step::{LessonAction, LessonStep, StepId, Words};

pub const STEPS: [LessonStep; 11] = [
    LessonStep {
        id: StepId::Intro,
        title: Words("lesson-intro-title"),
        explanation: Words("lesson-intro-explanation"),
        look_at: Words("lesson-intro-look_at"),
        action: None,
    },
    LessonStep {
        id: StepId::V1NoServer,
        title: Words("lesson-v1_no_server-title"),
        explanation: Words("lesson-v1_no_server-explanation"),
        look_at: Words("lesson-v1_no_server-look_at"),
        action: Some(LessonAction::ConnectWithoutServer),
    },
    LessonStep {
        id: StepId::V1Connect,
        title: Words("lesson-v1_connect-title"),
        explanation: Words("lesson-v1_connect-explanation"),
        look_at: Words("lesson-v1_connect-look_at"),
        action: Some(LessonAction::StartServerAndConnect),
    },
    LessonStep {
        id: StepId::V2Hello,
        title: Words("lesson-v2_hello-title"),
        explanation: Words("lesson-v2_hello-explanation"),
        look_at: Words("lesson-v2_hello-look_at"),
        action: Some(LessonAction::SendHello),
    },
    LessonStep {
        id: StepId::V3Json,
        title: Words("lesson-v3_json-title"),
        explanation: Words("lesson-v3_json-explanation"),
        look_at: Words("lesson-v3_json-look_at"),
        action: Some(LessonAction::AddSampleProduct),
    },
    LessonStep {
        id: StepId::V4Commands,
        title: Words("lesson-v4_commands-title"),
        explanation: Words("lesson-v4_commands-explanation"),
        look_at: Words("lesson-v4_commands-look_at"),
        action: Some(LessonAction::ListAndQuit),
    },
    LessonStep {
        id: StepId::ThreadsIntro,
        title: Words("lesson-threads_intro-title"),
        explanation: Words("lesson-threads_intro-explanation"),
        look_at: Words("lesson-threads_intro-look_at"),
        action: Some(LessonAction::RunThreadsDemo),
    },
    LessonStep {
        id: StepId::V5Threaded,
        title: Words("lesson-v5_threaded-title"),
        explanation: Words("lesson-v5_threaded-explanation"),
        look_at: Words("lesson-v5_threaded-look_at"),
        action: Some(LessonAction::SequentialVersusThreaded),
    },
    LessonStep {
        id: StepId::V5Reads,
        title: Words("lesson-v5_reads-title"),
        explanation: Words("lesson-v5_reads-explanation"),
        look_at: Words("lesson-v5_reads-look_at"),
        action: Some(LessonAction::ShowReadsWithBigList),
    },
    LessonStep {
        id: StepId::Exercise,
        title: Words("lesson-exercise-title"),
        explanation: Words("lesson-exercise-explanation"),
        look_at: Words("lesson-exercise-look_at"),
        action: Some(LessonAction::FetchByCode),
    },
    LessonStep {
        id: StepId::ManyServers,
        title: Words("lesson-many_servers-title"),
        explanation: Words("lesson-many_servers-explanation"),
        look_at: Words("lesson-many_servers-look_at"),
        action: Some(LessonAction::TwoServersOneDatabase),
    },
];

/// Every step, in lesson order.
pub fn steps() -> &'static [LessonStep] {
    &STEPS
}

/// The step with this id.
pub fn step(id: StepId) -> &'static LessonStep {
    steps().iter().find(|s| s.id == id).expect("every StepId has a step")
}
