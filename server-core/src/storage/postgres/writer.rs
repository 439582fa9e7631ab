//! The PostgreSQL backend of the writer thread: one group, one transaction,
//! one call of `lojinha_apply_group` (the shared write lock, every write
//! with its row in `changes`, one `NOTIFY`); the group is then registered
//! with the [`Sequencer`], which hands it on at once when it is next in the
//! log, else when the listener reaches it.
//!
//! The call is sent alone, as its own transaction (PostgreSQL commits a
//! lone statement when it ends, and the answer arrives only after that
//! commit): one round trip per group instead of three (`BEGIN`, the call,
//! `COMMIT`). Only a group that also prunes the log uses an explicit
//! transaction.
//!
//! The connection is opened again when it breaks (at the next group); until
//! then every write gets "the catalog database cannot be reached". A group
//! whose `COMMIT` got no answer is reported failed, never done: if it did
//! commit after all, the listener finds its rows and every session, its
//! writer too, hears of the change as a notification.

use std::sync::Arc;

use postgres::{Client, GenericClient};

use super::connect::Target;
use super::sequencer::Sequencer;
use super::statements::{self, Statements};
use crate::storage::backend::{Backend, Committed, Room, WriteJob, all_failed};
use crate::storage::failure::StorageFailure;
use crate::storage::write::{WriteOp, WriteOutcome};

/// Changes kept in the log for servers that are behind; older ones are
/// pruned (a server further behind reloads its mirror).
const KEEP: i64 = 100_000;

/// Groups between two prunings.
const PRUNE_EVERY: u64 = 1024;

pub struct PgWriter<T> {
    target: Target,
    link: Option<Link>,
    sequencer: Arc<Sequencer<T>>,
    /// This server's name in the `server` column of `changes`.
    server: String,
    groups: u64,
}

struct Link {
    client: Client,
    statements: Statements,
}

/// What a group's transaction did, before its commit.
struct Ran {
    outcomes: Vec<WriteOutcome>,
    ids: Vec<i64>,
    seen: i64,
}

impl<T> PgWriter<T> {
    /// A writer on `client`, the connection the server started with.
    pub fn new(
        target: Target,
        mut client: Client,
        sequencer: Arc<Sequencer<T>>,
        server: String,
    ) -> Result<Self, postgres::Error> {
        let statements = Statements::prepare(&mut client)?;
        let link = Some(Link { client, statements });
        Ok(PgWriter { target, link, sequencer, server, groups: 0 })
    }

    fn link(&mut self) -> Option<&mut Link> {
        if self.link.as_ref().is_some_and(|l| l.client.is_closed()) {
            self.link = None;
        }
        if self.link.is_none() {
            match open_link(&self.target) {
                Ok(link) => self.link = Some(link),
                Err(e) => tracing::warn!("{}: {}", self.target.shown, super::connect::describe(&e)),
            }
        }
        self.link.as_mut()
    }
}

fn open_link(target: &Target) -> Result<Link, postgres::Error> {
    let mut client = target.connect("writer")?;
    let statements = Statements::prepare(&mut client)?;
    Ok(Link { client, statements })
}

impl<T: Send> Backend<T> for PgWriter<T> {
    fn commit_group(&mut self, group: Vec<WriteJob<T>>, room: Room) {
        self.groups += 1;
        let prune = self.groups.is_multiple_of(PRUNE_EVERY);
        let (sequencer, server) = (self.sequencer.clone(), self.server.clone());
        let Some(link) = self.link() else {
            sequencer.lock().failed(all_failed(group, &StorageFailure::Unreachable));
            return;
        };
        let Err((group, e)) = commit(link, &sequencer, &server, group, room, prune) else { return };
        tracing::error!(
            "storage write failed, {} writes refused: {}",
            group.len(),
            super::connect::describe(&e)
        );
        let failure = StorageFailure::of_postgres(&e);
        if failure == StorageFailure::Unreachable {
            self.link = None;
        }
        sequencer.lock().failed(all_failed(group, &failure));
    }
}

type Refused<T> = (Vec<WriteJob<T>>, postgres::Error);

/// Runs and commits one group; on failure gives the group back with the reason.
fn commit<T>(
    link: &mut Link,
    sequencer: &Sequencer<T>,
    server: &str,
    group: Vec<WriteJob<T>>,
    room: Room,
    prune: bool,
) -> Result<(), Refused<T>> {
    let Link { client, statements } = link;
    if !prune {
        // Held across the call and its commit: the listener cannot hand
        // these rows on before the group is registered as this server's.
        let mut state = sequencer.lock();
        return match run_group(client, statements, server, &group, room, false) {
            Ok(ran) => {
                state.committed(group_with(group, ran.outcomes), &ran.ids, ran.seen);
                Ok(())
            }
            Err(e) => Err((group, e)),
        };
    }
    let mut tx = match client.transaction() {
        Ok(tx) => tx,
        Err(e) => return Err((group, e)),
    };
    let ran = match run_group(&mut tx, statements, server, &group, room, prune) {
        Ok(ran) => ran,
        Err(e) => return Err((group, e)),
    };
    // Held across COMMIT: the listener cannot hand these rows on before the
    // group is registered as this server's.
    let mut state = sequencer.lock();
    match tx.commit() {
        Ok(()) => {
            state.committed(group_with(group, ran.outcomes), &ran.ids, ran.seen);
            Ok(())
        }
        Err(e) => Err((group, e)),
    }
}

fn group_with<T>(group: Vec<WriteJob<T>>, outcomes: Vec<WriteOutcome>) -> Vec<Committed<T>> {
    group.into_iter().zip(outcomes).map(|(job, outcome)| Committed::of_job(job, outcome)).collect()
}

fn run_group<T>(
    tx: &mut impl GenericClient,
    statements: &Statements,
    server: &str,
    group: &[WriteJob<T>],
    room: Room,
    prune: bool,
) -> Result<Ran, postgres::Error> {
    let refused = refusals(group, room);
    let sent: Vec<&WriteOp> =
        group.iter().zip(&refused).filter(|(_, r)| r.is_none()).map(|(job, _)| &job.op).collect();
    let applied = match sent.is_empty() {
        true => statements::Applied { outcomes: Vec::new(), seen: 0 },
        false => statements::apply_group(tx, statements, server, &sent)?,
    };
    let mut ran = Ran { outcomes: Vec::with_capacity(group.len()), ids: Vec::new(), seen: applied.seen };
    let mut answers = applied.outcomes.into_iter();
    for refusal in refused {
        let (outcome, id) = match refusal {
            Some(full) => (full, None),
            None => answers.next().unwrap_or((WriteOutcome::Failed(StorageFailure::Stopped), None)),
        };
        ran.outcomes.push(outcome);
        ran.ids.extend(id);
    }
    if prune && let Some(last) = ran.ids.last() {
        prune_log(tx, last - KEEP)?;
    }
    Ok(ran)
}

/// Adds refused for the catalog's size, counted before the group runs: every
/// add counts as if it succeeds (the database decides after), so near the
/// limit a group may refuse an add that would have fit.
fn refusals<T>(group: &[WriteJob<T>], mut room: Room) -> Vec<Option<WriteOutcome>> {
    group
        .iter()
        .map(|job| {
            let refusal = room.refuses(&job.op);
            if refusal.is_none() && matches!(job.op, WriteOp::Add(_)) {
                room.held += 1;
            }
            refusal
        })
        .collect()
}

/// Drops log rows up to `through` and records how far the log now starts.
fn prune_log(tx: &mut impl GenericClient, through: i64) -> Result<(), postgres::Error> {
    if through <= 0 {
        return Ok(());
    }
    tx.execute("DELETE FROM changes WHERE id <= $1", &[&through])?;
    tx.execute(
        "UPDATE lojinha_meta SET value = greatest(value, $1) WHERE key = 'pruned_through'",
        &[&through],
    )?;
    Ok(())
}
