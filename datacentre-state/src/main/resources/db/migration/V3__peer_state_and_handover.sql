-- The state is now shared with the peer DC. revision orders changes within an epoch (it rises at
-- every change at either DC; an adopted state keeps the peer's), so (epoch, revision) says which
-- of two states is newer. handing_over_to is set while a planned switch-over drains this DC's
-- replication: writes are fenced, but the epoch has not moved yet.
alter table datacentre_state
    add column revision        bigint not null default 0 check (revision >= 0),
    add column handing_over_to text   null,
    add constraint datacentre_state_handover_to_the_other check (handing_over_to is null or handing_over_to <> active_dc),
    add constraint datacentre_state_no_handover_in_session check (handing_over_to is null or session_name is null);

-- The history keeps both new fields for the state entered and left (null in entries written
-- before revisions existed); quarantine decisions name
-- the quarantined entry; note holds what the service adds to the operator's reason (why a
-- hand-over was aborted, which DC a state was adopted from). Adding columns rewrites no row.
alter table state_change
    add column revision             bigint null,
    add column handing_over_to      text   null,
    add column from_revision        bigint null,
    add column from_handing_over_to text   null,
    add column quarantine_id        bigint null,
    add column note                 text   null,
    add constraint state_change_quarantine_decision
        check ((kind in ('QUARANTINE_REAPPLIED', 'QUARANTINE_DROPPED')) = (quarantine_id is not null)),
    add constraint state_change_quarantine_by_operator
        check (kind not in ('QUARANTINE_REAPPLIED', 'QUARANTINE_DROPPED') or actor is not null);

-- Two-person approval (when configured): an operator's action waits here until a different
-- operator approves it (then it runs, and its history entry names both) or anyone rejects it.
-- Rows are never deleted: together with the history they show who asked, who approved or
-- rejected, and when. A pending request past expires_at is expired; no job needs to mark it.
create table pending_approval (
    id               bigint      generated always as identity primary key,
    action           text        not null check (action in ('SWITCH_OVER', 'FAIL_OVER', 'OPEN_SESSION', 'CLOSE_SESSION',
                                                            'REAPPLY_QUARANTINE', 'DROP_QUARANTINE')),
    target_dc        text        null,
    session_name     text        null,
    quarantine_id    bigint      null,
    expected_version bigint      null,
    requested_by     text        not null,
    reason           text        not null,
    requested_at     timestamptz not null,
    expires_at       timestamptz not null check (expires_at > requested_at),
    status           text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by       text        null,
    decided_at       timestamptz null,
    decision_reason  text        null,
    -- Approving one's own request would make it a one-person action.
    constraint pending_approval_second_person check (status <> 'APPROVED' or decided_by <> requested_by),
    constraint pending_approval_decision check ((status = 'PENDING') = (decided_by is null)
                                                and (decided_by is null) = (decided_at is null)),
    constraint pending_approval_rejection_reason check ((status = 'REJECTED') = (decision_reason is not null))
);

alter table state_change
    add column approved_by text null,
    add constraint state_change_second_person check (approved_by is null or approved_by <> actor);
