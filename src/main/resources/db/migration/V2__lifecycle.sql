-- Annual work summaries (Art. 17): one row per outlet and summarized year.
-- status: SUBMITTED (awaiting the recommender), COMPLIANT, NON_COMPLIANT, MISSING (deadline missed).
create table annual_summary (
    filing_no       varchar(32)   not null,
    summary_year    integer       not null,
    recommender_id  varchar(32)   not null,
    status          varchar(16)   not null,
    summary         varchar(10000),
    submitted_by    varchar(64),
    submitted_at    timestamp,
    review_opinion  varchar(2000),
    reviewed_at     timestamp,
    primary key (filing_no, summary_year)
);
create index idx_annual_summary_year on annual_summary (summary_year, recommender_id);

-- Each recommender's aggregate of its outlets' summaries, sent on to CNIPA (Art. 17).
create table annual_report_aggregate (
    report_year     integer       not null,
    recommender_id  varchar(32)   not null,
    outlet_count    integer       not null,
    submitted_count integer       not null,
    compliant_count integer       not null,
    non_compliant_count integer   not null,
    missing_count   integer       not null,
    remarks         varchar(4000),
    submitted_by    varchar(64),
    submitted_at    timestamp     not null,
    primary key (report_year, recommender_id)
);
