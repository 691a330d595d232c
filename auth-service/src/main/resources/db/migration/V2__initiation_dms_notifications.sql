-- Maker-checker: the DA who requested a change (the maker) next to the DA who approved it (the actor).
alter table audit_event add column requested_by varchar(64);

-- Per-participant settings; a participant without a row has the defaults (maker-checker on).
create table participant_policy (
    participant_id  varchar(16)  primary key,
    maker_checker   boolean      not null,
    updated_by      varchar(64)  not null,
    updated_at      timestamptz  not null
);

-- Changes one Delegated Administrator requested that a second one of the same participant must approve.
create table admin_request (
    id              bigint generated always as identity primary key,
    participant_id  varchar(16)  not null,
    account_id      bigint       not null references account (id),
    user_id         varchar(64)  not null,
    kind            varchar(24)  not null check (kind in ('EMAIL_CHANGE', 'TWO_FACTOR_RESET')),
    new_email       varchar(254),
    status          varchar(16)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    requested_by    varchar(64)  not null,
    requested_at    timestamptz  not null,
    expires_at      timestamptz  not null,
    decided_by      varchar(64),
    decided_at      timestamptz,
    constraint email_change_has_email check ((kind = 'EMAIL_CHANGE') = (new_email is not null))
);
-- At most one open request of a kind per account: a second maker cannot race the first.
create unique index admin_request_one_pending on admin_request (account_id, kind) where status = 'PENDING';
create index admin_request_participant on admin_request (participant_id, status, requested_at);

-- Transactional outbox of account-change e-mails: written with the change, sent (and retried) afterwards.
create table notification (
    id               bigint generated always as identity primary key,
    notification_id  varchar(64)  not null unique,
    account_id       bigint       not null references account (id),
    subject_user_id  varchar(64)  not null,
    kind             varchar(32)  not null,
    recipient        varchar(254) not null,
    changed_to       varchar(254),
    occurred_at      timestamptz  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    sent_at          timestamptz,
    last_error       varchar(200)
);
create index notification_due on notification (next_attempt_at) where sent_at is null;
