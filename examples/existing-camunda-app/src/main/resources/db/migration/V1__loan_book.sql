create table loan_book (
  application_id varchar(64) primary key,
  decision       varchar(64) not null,
  decision_id    varchar(64),
  booked_at      timestamp default current_timestamp not null
);
