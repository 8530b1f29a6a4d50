-- The filing application as an aggregate (README, "The filing's steps are guaranteed by the
-- application"): its status, moved only by the filing's steps, the publicity period CNIPA set and
-- the objections still being verified.
alter table filing_application add column status varchar(32);
-- Applications already closed keep their outcome as status; those still in progress restart their
-- record at SUBMITTED (the steps they still have to pass refuse to skip the ones before).
update filing_application set status = coalesce(outcome, 'SUBMITTED');
alter table filing_application alter column status set not null;
alter table filing_application add column publicity_starts date;
alter table filing_application add column publicity_ends date;
alter table filing_application add column open_objections integer default 0 not null;
alter table filing_application add column status_changed_at timestamp;
alter table filing_application add column version integer default 0 not null;
create index idx_filing_application_instance on filing_application (process_instance_id);

-- The outlet's lifecycle steps (Art. 9, 17): a renewal only after it was recommended and approved,
-- a revocation after rectification only once its period is over, a rectification completed only
-- after CNIPA verified it.
alter table outlet add column renewal_stage varchar(16);
alter table outlet add column rectification_deadline date;
alter table outlet add column rectification_verified boolean default false not null;
