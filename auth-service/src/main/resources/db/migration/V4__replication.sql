-- Replication of account set-up between the two data centres (DESIGN §4).
--
-- The unit of replication is an account with everything that belongs to it (its card certificates
-- and its DMS requests): its "image". Every write to those tables is recorded by a trigger in the
-- same transaction (no code path can forget it, and there is no dual write); a shipper sends the
-- current image of each changed account to the peer, which applies it as a whole. Applying an
-- image twice, or an older one before a newer one of the same shipper, ends in the same state.
-- Row ids travel with the images, so both data centres hold the same ids.

-- What this data centre may do, as its datacentre-state last said. The trigger below reads it
-- with a share lock, so once an update making it unwritable has committed, no account write
-- made under the old state can still commit: the fence is in the database, not in a cache.
create table replication_scope (
    id                           smallint    primary key default 1 check (id = 1),
    data_centre                  varchar(16) not null,
    epoch                        bigint      not null,
    revision                     bigint      not null,
    active_dc                    varchar(16) not null,
    writable                     boolean     not null,
    carry_forward                boolean     not null,
    session_name                 varchar(32),
    purge_pending                boolean     not null default false,
    updated_at                   timestamptz not null,
    -- Only an open session keeps its changes at home.
    constraint scope_local_only_in_session check (carry_forward or session_name is not null)
);
-- Not writable until datacentre-state has said otherwise (a single data centre says so at start).
insert into replication_scope (data_centre, epoch, revision, active_dc, writable, carry_forward, updated_at)
values ('UNKNOWN', 0, 0, 'UNKNOWN', false, true, now());

-- The outbox: one row per account write, in commit-independent sequence order.
create table replication_change (
    seq          bigint generated always as identity primary key,
    user_id      varchar(64) not null,
    epoch        bigint      not null,
    session_name varchar(32),
    status       varchar(16) not null check (status in ('PENDING', 'SHIPPED', 'LOCAL', 'DISCARDED', 'QUARANTINED')),
    recorded_at  timestamptz not null default clock_timestamp(),
    shipped_at   timestamptz
);
create index replication_change_pending on replication_change (seq) where status = 'PENDING';
create index replication_change_local on replication_change (session_name) where status = 'LOCAL';
create index replication_change_shipped on replication_change (shipped_at) where status = 'SHIPPED';

-- The last batch applied from the peer (the receiving side's watermark).
create table replication_applied (
    source_dc   varchar(16) primary key,
    epoch       bigint      not null,
    seq         bigint      not null,
    applied_at  timestamptz not null
);

-- The image of an account before the first change a no-carry-forward session made to it (null:
-- the account did not exist). Closing the session puts these back.
create table session_before_image (
    session_name varchar(32) not null,
    user_id      varchar(64) not null,
    image        jsonb,
    captured_at  timestamptz not null default clock_timestamp(),
    primary key (session_name, user_id)
);

-- Writes a fenced data centre accepted after the last point its peer received: kept for an
-- operator to re-apply at the active data centre or to drop, never merged silently.
create table quarantine (
    id              bigint generated always as identity primary key,
    user_id         varchar(64) not null,
    epoch           bigint      not null,
    first_change_at timestamptz not null,
    last_change_at  timestamptz not null,
    changes         integer     not null,
    quarantined_at  timestamptz not null,
    image           jsonb,
    restore_pending boolean     not null,
    status          varchar(16) not null check (status in ('OPEN', 'REAPPLIED', 'DROPPED')),
    decided_by      varchar(64),
    decided_at      timestamptz,
    reason          varchar(500),
    constraint quarantine_decision check ((status = 'OPEN') = (decided_by is null))
);

-- Columns each data centre keeps for itself: the row version and the last-update time.
create function account_local_columns() returns text[]
    language sql immutable as $$
    select array['version', 'updated_at']
$$;

-- Failed-attempt counting and the lockout it leads to. Replicated like any account change, except
-- at a data centre that does not take writes, where they are counted for the sign-ins it does
-- take (operators, who fail over from there) until the active data centre next ships the account.
create function account_lockout_columns() returns text[]
    language sql immutable as $$
    select array['failed_attempts', 'locked_until']
$$;

-- The image of an account: deterministic text for equal contents (jsonb orders keys; timestamps
-- are written in UTC whatever the session's time zone), so that images hash to a state digest.
create function account_image(p_user_id varchar) returns jsonb
    language sql stable set timezone to 'UTC' as $$
    select jsonb_build_object(
               'account', to_jsonb(a) - account_local_columns(),
               'cards', coalesce((select jsonb_agg(to_jsonb(c) order by c.id) from card_certificate c where c.account_id = a.id), '[]'::jsonb),
               'requests', coalesce((select jsonb_agg(to_jsonb(r) order by r.id) from admin_request r where r.account_id = a.id), '[]'::jsonb))
    from account a
    where a.user_id = p_user_id
$$;

-- The hash of every account image in user-id order: equal at both data centres when they hold the same state.
create function replicated_state_digest() returns text
    language sql stable as $$
    select encode(sha256(convert_to(coalesce(string_agg(account_image(user_id)::text, E'\n' order by user_id), ''), 'UTF8')), 'hex')
    from account
$$;

-- Inserts or overwrites one row of p_table from its JSON form, keeping its id.
create function replicate_row(p_table regclass, p_row jsonb) returns void
    language plpgsql set timezone to 'UTC' as $$
declare
    v_columns text;
    v_updates text;
begin
    select string_agg(quote_ident(attname), ', ' order by attnum),
           string_agg(format('%1$I = excluded.%1$I', attname), ', ' order by attnum) filter (where attname <> 'id')
    into v_columns, v_updates
    from pg_attribute
    where attrelid = p_table and attnum > 0 and not attisdropped;
    execute format('insert into %1$s (%2$s) overriding system value select %2$s from jsonb_populate_record(null::%1$s, $1)'
                   || ' on conflict (id) do update set %3$s', p_table, v_columns, v_updates)
        using p_row;
end
$$;

-- Keeps an identity sequence ahead of ids that arrived with images, so that this data centre's
-- own inserts never collide with them when it becomes active.
create function replicate_identity(p_table regclass) returns void
    language plpgsql as $$
declare
    v_sequence text := pg_get_serial_sequence(p_table::text, 'id');
    v_max bigint;
begin
    execute format('select max(id) from %s', p_table) into v_max;
    if v_max is not null and v_max > coalesce(pg_sequence_last_value(v_sequence::regclass), 0) then
        perform setval(v_sequence, v_max);
    end if;
end
$$;

-- Makes the account p_user_id exactly what p_image describes (null: no such account).
create function apply_account_image(p_user_id varchar, p_image jsonb) returns void
    language plpgsql set timezone to 'UTC' as $$
declare
    v_account_id bigint;
    v_row jsonb;
begin
    select id into v_account_id from account where user_id = p_user_id;
    if p_image is null then
        if v_account_id is not null then
            delete from notification where account_id = v_account_id;
            delete from admin_request where account_id = v_account_id;
            delete from card_certificate where account_id = v_account_id;
            delete from account where id = v_account_id;
        end if;
        return;
    end if;
    v_account_id := (p_image -> 'account' ->> 'id')::bigint;
    -- The local columns stay as they are here (a new account starts with none counted); the
    -- version rises, so that an update prepared here before the image arrived fails its check.
    select coalesce((select to_jsonb(a) from account a where a.id = v_account_id), '{"failed_attempts": 0, "version": -1}'::jsonb)
           || (p_image -> 'account') into v_row;
    v_row := jsonb_set(v_row, '{version}', to_jsonb((v_row ->> 'version')::bigint + 1))
             || jsonb_build_object('updated_at', clock_timestamp());
    perform replicate_row('account', v_row);
    -- Rows the image no longer has go first, so a card or request that moved cannot collide.
    delete from card_certificate c where c.account_id = v_account_id
        and c.id not in (select (e ->> 'id')::bigint from jsonb_array_elements(p_image -> 'cards') e);
    delete from admin_request r where r.account_id = v_account_id
        and r.id not in (select (e ->> 'id')::bigint from jsonb_array_elements(p_image -> 'requests') e);
    for v_row in select * from jsonb_array_elements(p_image -> 'cards') loop
        perform replicate_row('card_certificate', v_row);
    end loop;
    for v_row in select * from jsonb_array_elements(p_image -> 'requests') loop
        perform replicate_row('admin_request', v_row);
    end loop;
end
$$;

-- After applying images: all three identity sequences ahead of the ids they brought (once per transaction).
create function replicate_identities() returns void
    language plpgsql as $$
begin
    perform replicate_identity('account');
    perform replicate_identity('card_certificate');
    perform replicate_identity('admin_request');
end
$$;

-- Every write to an account, its cards or its DMS requests: refused when this data centre is not
-- writable; otherwise recorded for the peer, or, in a session whose changes stay at home, kept
-- local with the account's image from before the session's first change to it. Writes that apply
-- the peer's images (ccms.replicating = on) are neither fenced nor recorded.
create function record_account_write() returns trigger
    language plpgsql as $$
declare
    v_scope replication_scope;
    v_row jsonb;
    v_user_id varchar(64);
begin
    if coalesce(current_setting('ccms.replicating', true), '') = 'on' then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    select * into v_scope from replication_scope where id = 1 for share;
    if not v_scope.writable then
        if tg_table_name = 'account' and tg_op = 'UPDATE'
           and to_jsonb(new) - account_local_columns() - account_lockout_columns()
               = to_jsonb(old) - account_local_columns() - account_lockout_columns() then
            return new;
        end if;
        raise exception 'data centre % does not accept account writes (epoch %, active %)',
            v_scope.data_centre, v_scope.epoch, v_scope.active_dc using errcode = 'CCF01';
    end if;
    v_row := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
    v_user_id := coalesce(v_row ->> 'user_id',
                          (select user_id from account where id = (v_row ->> 'account_id')::bigint));
    if v_scope.carry_forward then
        insert into replication_change (user_id, epoch, status) values (v_user_id, v_scope.epoch, 'PENDING');
    else
        insert into session_before_image (session_name, user_id, image)
        values (v_scope.session_name, v_user_id, account_image(v_user_id))
        on conflict do nothing;
        insert into replication_change (user_id, epoch, session_name, status)
        values (v_user_id, v_scope.epoch, v_scope.session_name, 'LOCAL');
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger account_write before insert or update or delete on account
    for each row execute function record_account_write();
create trigger card_certificate_write before insert or update or delete on card_certificate
    for each row execute function record_account_write();
create trigger admin_request_write before insert or update or delete on admin_request
    for each row execute function record_account_write();
