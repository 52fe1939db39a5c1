-- Failed sign-ins are counted in memory now, per username and client address (see LoginThrottle):
-- the per-account columns are read by nothing, and a count in them let anyone lock any account.
alter table account drop column failed_logins;
alter table account drop column locked_until;
