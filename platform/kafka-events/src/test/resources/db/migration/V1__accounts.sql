-- State of the test service: accounts it opens (outbox tests) and events its listener applied (inbox tests).
CREATE TABLE account (
    id        uuid         PRIMARY KEY,
    name      varchar(200) NOT NULL
);

CREATE TABLE applied_event (
    event_id       uuid         NOT NULL,
    topic          varchar(249) NOT NULL,
    connection_id  varchar(200) NOT NULL,
    correlation_id varchar(200)
);
