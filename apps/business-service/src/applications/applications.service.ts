import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type MyApplicationsDto,
  partnerActivated,
  type PartnerApplicationDto,
  type PartnerApplicationRequest,
  partnerApplicationSubmitted,
  type PayloadOf,
  type partnerApplicationApproved,
  type partnerApplicationRejected,
} from '@roastery/contracts';
import { Keyring, mask } from '@roastery/crypto';
import { conflict } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { Partner } from '../partners/partner.entity';
import { PartnerMember } from '../partners/partner-member.entity';
import { canApply, isAlreadyApplied, nextApplicationStatus } from './application.rules';
import { PartnerApplication } from './partner-application.entity';

type ValidApplication = Required<{ [K in keyof PartnerApplicationRequest]: string }>;

/** Partner onboarding on the business side: applications in, partners out. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly keyring: Keyring,
  ) {}

  /** Opens an application for the signed-in account and sends it to review. */
  async apply(userId: string, input: ValidApplication): Promise<PartnerApplicationDto> {
    return this.ds.transaction(async (em) => {
      const history = await em.find(PartnerApplication, { where: { applicantUserId: userId }, select: { id: true, status: true } });
      const isMember = await em.createQueryBuilder(PartnerMember, 'm').innerJoin(Partner, 'p', 'p.id = m.partner_id').where('m.user_id = :userId AND p.status = :s', { userId, s: 'ACTIVE' }).getExists();
      const verdict = canApply(history, isMember);
      if (verdict !== 'OK') throw conflict(verdict, verdict === 'ALREADY_PARTNER' ? 'this account is already a partner' : 'an application is already under review');

      const id = uuidv7();
      const application = em.create(PartnerApplication, {
        id,
        applicantUserId: userId,
        status: 'PENDING',
        ...input,
        // Bound to the row: a ciphertext copied to another application will not decrypt.
        payoutAccountEnc: this.keyring.encrypt(input.payoutAccount, id),
        payoutAccountLast4: input.payoutAccount.slice(-4),
        attempt: history.length + 1,
        rejectionReason: null,
        partnerId: null,
        submittedAt: new Date(),
        decidedAt: null,
      });
      try {
        await em.insert(PartnerApplication, application);
      } catch (e) {
        // Two applications racing: the partial unique index lets exactly one through.
        if ((e as { code?: string }).code === '23505') throw conflict('APPLICATION_ALREADY_OPEN', 'an application is already under review');
        throw e;
      }
      await this.outbox.add(em, partnerApplicationSubmitted, {
        aggregateId: id,
        aggregateVersion: 1,
        payload: {
          applicationId: id,
          applicantUserId: userId,
          businessName: application.businessName,
          registrationNumber: application.registrationNumber,
          representative: application.representative,
          phone: application.phone,
          email: application.email,
          payoutBank: application.payoutBank,
          payoutAccountLast4: application.payoutAccountLast4,
          attempt: application.attempt,
          submittedAt: application.submittedAt.toISOString(),
        },
      });
      return toDto({ ...application, version: 1 });
    });
  }

  /** The account's latest application and the ones before it. */
  async mine(userId: string): Promise<MyApplicationsDto> {
    const rows = await this.ds.getRepository(PartnerApplication).find({ where: { applicantUserId: userId }, order: { submittedAt: 'DESC' } });
    const [current, ...history] = rows.map(toDto);
    return { current: current ?? null, history };
  }

  /**
   * An admin approved: the partner organisation is created with the applicant as owner, and its
   * activation announced (user-service grants the role from that event).
   */
  async approve(em: EntityManager, event: PayloadOf<typeof partnerApplicationApproved>): Promise<void> {
    const application = await this.lockApplication(em, event.applicationId);
    if (isAlreadyApplied(application.status, 'APPROVE')) return;
    if (!nextApplicationStatus(application.status, 'APPROVE')) throw new Error(`application ${application.id} is ${application.status}; cannot approve`);

    const partnerId = uuidv7();
    const activatedAt = new Date(event.decidedAt);
    const payoutAccount = this.keyring.decrypt(application.payoutAccountEnc, application.id);
    await em.insert(Partner, {
      id: partnerId,
      applicationId: application.id,
      businessName: application.businessName,
      registrationNumber: application.registrationNumber,
      status: 'ACTIVE',
      payoutBank: application.payoutBank,
      payoutAccountEnc: this.keyring.encrypt(payoutAccount, partnerId),
      payoutAccountLast4: application.payoutAccountLast4,
      activatedAt,
    });
    await em.insert(PartnerMember, { partnerId, userId: application.applicantUserId, role: 'OWNER', joinedAt: activatedAt });
    application.status = 'APPROVED';
    application.partnerId = partnerId;
    application.decidedAt = activatedAt;
    await em.save(application);
    await this.outbox.add(em, partnerActivated, {
      aggregateId: partnerId,
      aggregateVersion: 1,
      payload: { partnerId, applicationId: application.id, memberUserId: application.applicantUserId, businessName: application.businessName, activatedAt: activatedAt.toISOString() },
    });
  }

  /** An admin rejected: the applicant sees the reason and may apply again. */
  async reject(em: EntityManager, event: PayloadOf<typeof partnerApplicationRejected>): Promise<void> {
    const application = await this.lockApplication(em, event.applicationId);
    if (isAlreadyApplied(application.status, 'REJECT')) return;
    if (!nextApplicationStatus(application.status, 'REJECT')) throw new Error(`application ${application.id} is ${application.status}; cannot reject`);
    application.status = 'REJECTED';
    application.rejectionReason = event.reason;
    application.decidedAt = new Date(event.decidedAt);
    await em.save(application);
  }

  private async lockApplication(em: EntityManager, id: string): Promise<PartnerApplication> {
    const application = await em.findOne(PartnerApplication, { where: { id }, lock: { mode: 'pessimistic_write' } });
    // Only business-service creates applications, so an unknown id is a bug worth a dead letter.
    if (!application) throw new Error(`application ${id} does not exist`);
    return application;
  }
}

function toDto(a: PartnerApplication): PartnerApplicationDto {
  return {
    id: a.id,
    status: a.status,
    businessName: a.businessName,
    registrationNumber: a.registrationNumber,
    representative: a.representative,
    phone: a.phone,
    email: a.email,
    payoutBank: a.payoutBank,
    payoutAccountMasked: mask(a.payoutAccountLast4.padStart(8, '0'), 4),
    rejectionReason: a.rejectionReason,
    partnerId: a.partnerId,
    submittedAt: a.submittedAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
  };
}
