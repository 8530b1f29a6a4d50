-- Art. 18 (README, "Art. 18: false materials found during filing"): every ban keeps the facts found,
-- the decision's text, who decided (the authenticated user) and when (server time).
alter table banned_institution add column facts varchar(2000);
alter table banned_institution add column decision varchar(2000);
alter table banned_institution add column decided_by varchar(64);
alter table banned_institution add column decided_at timestamp;
