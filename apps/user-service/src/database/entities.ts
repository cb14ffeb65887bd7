import { messagingEntities } from '@roastery/messaging';
import { Account } from '../accounts/account.entity';
import { PartnerMembership } from '../accounts/partner-membership.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { SigningKey } from '../signing-keys/signing-key.entity';

/** Every table user-service maps. */
export const entities = [Account, PartnerMembership, RefreshToken, SigningKey, ...messagingEntities];
