-- Payments of modules' orders (a booking's fee) through the city's payment aggregator; the
-- provider's reference and outcome are kept here, the order's state by its module.
create table payment (
    id          varchar(36) primary key,
    site_key    varchar(64) not null,
    module_id   varchar(64) not null,
    order_ref   varchar(64) not null,
    amount      bigint not null check (amount > 0),
    refunded    bigint not null default 0 check (refunded >= 0 and refunded <= amount),
    state       varchar(16) not null check (state in ('PENDING', 'PAID', 'FAILED', 'REFUNDED')),
    payer       varchar(255) not null,
    description varchar(255) not null,
    provider    varchar(32) not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index payment_order on payment (module_id, order_ref);
