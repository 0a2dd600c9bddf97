-- Code exchange and refresh before expiry (docs/services/token-vault-service.md): new audit operations, and the
-- index a refresh round reads its candidates through.

alter table token_audit
    drop constraint token_audit_operation_ck,
    add constraint token_audit_operation_ck check (operation in ('TOKENS_STORED', 'ACCESS_TOKEN_HANDED_OUT',
        'TOKENS_SHREDDED', 'AUTHORIZATION_CODE_EXCHANGED', 'TOKENS_REFRESHED', 'TOKENS_EXPIRED'));

-- A refresh round looks across organisations for active records whose access token expires soon: a platform job,
-- not a tenant's query, hence the one index that does not start with org_id. Partial: only ACTIVE rows are candidates.
create index token_record_refresh_due_ix on token_record (access_token_expires_at) where status = 'ACTIVE';
