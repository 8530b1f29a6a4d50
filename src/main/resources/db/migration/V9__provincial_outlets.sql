-- Issue 9, facts backed by evidence (README, "Registers behind the eligibility check" and "The team and the service items").

-- Art. 7(一): the provincial outlets (省级知识产权信息公共服务网点) of each province, kept by that
-- province's IP office. The provincial route of a filing checks the applicant's USCC against it.
-- province is the provincial office's recommender id (a GB/T 2260 code, or xpcc).
create table provincial_outlet (
    uscc                 varchar(18)  not null primary key,
    org_name             varchar(200) not null,
    province             varchar(32)  not null,
    provincial_filing_no varchar(64)  not null,
    filed_on             date         not null,
    recorded_by          varchar(64)  not null,
    recorded_at          timestamp    not null
);
create index idx_provincial_outlet_province on provincial_outlet (province);

-- Art. 19: the exempt list is maintained by CNIPA; who recorded an entry and when (nullable: rows
-- of earlier releases and designations by the lifecycle keep them empty until written again).
alter table exempt_institution add column recorded_by varchar(64);
alter table exempt_institution add column recorded_at timestamp;

-- Art. 8: the outlet's own itemised 服务事项清单 (the 备案表's serviceItemList), published with the register.
-- position keeps the institution's order; service_code is one of the Art. 12/13 codes, cost FREE or LOW_COST.
create table outlet_service_item (
    filing_no    varchar(32)   not null,
    position     integer       not null,
    name         varchar(200)  not null,
    description  varchar(1000) not null,
    ip_category  varchar(32)   not null,
    service_code varchar(32)   not null,
    cost         varchar(16)   not null,
    primary key (filing_no, position)
);
