-- The data-centre state as this DC knows it. Exactly one row: the fixed key makes a second row
-- impossible, so instances starting together cannot disagree about the epoch.
create table datacentre_state (
    id            smallint    primary key default 1 check (id = 1),
    epoch         bigint      not null check (epoch >= 1),
    active_dc     text        not null check (active_dc <> ''),
    mode          text        not null check (mode in ('NORMAL', 'TEST_SESSION', 'DISASTER_FAILOVER')),
    session_name  text        null,
    carry_forward boolean     not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0,
    -- A session name exists exactly while a test session is open.
    constraint datacentre_state_session_iff_test check ((mode = 'TEST_SESSION') = (session_name is not null)),
    -- Only a test session may keep its changes from carrying forward (DESIGN §4).
    constraint datacentre_state_discard_only_in_test check (carry_forward or mode = 'TEST_SESSION')
);

-- Every state this DC has entered, oldest first. Append-only: the trigger below refuses
-- updates, deletes and truncation, so the history is evidence, not a cache.
create table state_change (
    id             bigint      generated always as identity primary key,
    kind           text        not null,
    recorded_at    timestamptz not null,
    recorded_by_dc text        not null,
    epoch          bigint      not null,
    active_dc      text        not null,
    mode           text        not null,
    session_name   text        null,
    carry_forward  boolean     not null,
    actor          text        null,
    reason         text        null
);

create index state_change_epoch_idx on state_change (epoch);

create function state_change_refuse_rewrite() returns trigger
    language plpgsql as $$
begin
    raise exception 'state_change is append-only: % refused', tg_op
        using errcode = 'integrity_constraint_violation';
end
$$;

create trigger state_change_no_update_or_delete
    before update or delete on state_change
    for each row execute function state_change_refuse_rewrite();

create trigger state_change_no_truncate
    before truncate on state_change
    for each statement execute function state_change_refuse_rewrite();
