/**
 * The actor recorded for decisions the service takes by itself (a trusted partner's small edit
 * approved on intake, a superseded or withdrawn submission closed). A fixed, well-known id so the
 * audit log can be filtered by it; no account has it (user-service issues v7 ids). See ADR 0010.
 */
export const SYSTEM_ACTOR_ID = '00000000-0000-4000-8000-000000000000';
