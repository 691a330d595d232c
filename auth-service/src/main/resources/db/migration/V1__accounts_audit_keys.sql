-- Accounts of clearing-participant users, their Delegated Administrators and clearing-house operators.
create table account (
    id                 bigint generated always as identity primary key,
    user_id            varchar(64)  not null,
    account_type       varchar(16)  not null check (account_type in ('USER', 'DA', 'OPERATOR')),
    participant_id     varchar(16),
    display_name       varchar(200) not null,
    status             varchar(16)  not null check (status in ('ACTIVE', 'DISABLED')),
    email              varchar(254),
    mobile             varchar(16),
    password_hash      varchar(255),
    otp_channel        varchar(8)   check (otp_channel in ('EMAIL', 'SMS')),
    enrolment          varchar(16)  not null check (enrolment in ('NOT_INITIATED', 'ENROLLED')),
    failed_attempts    integer      not null default 0,
    locked_until       timestamptz,
    version            bigint       not null default 0,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    -- Operators belong to the clearing house, everybody else to exactly one participant.
    constraint participant_matches_type check ((account_type = 'OPERATOR') = (participant_id is null))
);
-- User IDs are case-insensitive: stored upper-case, looked up by this unique index (one indexed read per login).
create unique index account_user_id on account (user_id);
create index account_participant on account (participant_id);

-- Append-only trail of every authentication decision and account change. Never holds secrets.
create table audit_event (
    id               bigint generated always as identity primary key,
    occurred_at      timestamptz  not null,
    actor            varchar(64)  not null,
    action           varchar(48)  not null,
    subject_user_id  varchar(64),
    participant_id   varchar(16),
    source_ip        varchar(64),
    result           varchar(16)  not null check (result in ('SUCCESS', 'FAILURE')),
    detail           varchar(500)
);
create index audit_event_subject on audit_event (subject_user_id, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

-- Token signing keys. The private key is stored wrapped (AES-256-GCM) with a key-encryption key
-- that lives outside the database.
create table signing_key (
    kid                  varchar(64)  primary key,
    algorithm            varchar(8)   not null,
    public_key           bytea        not null,
    wrapped_private_key  bytea        not null,
    created_at           timestamptz  not null,
    retired_at           timestamptz
);
