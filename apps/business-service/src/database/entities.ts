import { messagingEntities } from '@roastery/messaging';
import { PartnerApplication } from '../applications/partner-application.entity';
import { Partner } from '../partners/partner.entity';
import { PartnerMember } from '../partners/partner-member.entity';

/** Every table business-service maps. */
export const entities = [PartnerApplication, Partner, PartnerMember, ...messagingEntities];
