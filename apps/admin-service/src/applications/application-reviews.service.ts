import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ApplicationReviewDto,
  type ApplicationStatus,
  type Page,
  partnerApplicationApproved,
  partnerApplicationRejected,
  type partnerApplicationSubmitted,
  type PayloadOf,
} from '@roastery/contracts';
import { conflict, notFound } from '@roastery/http';
import { Outbox } from '@roastery/messaging';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { applicationFindings } from './application-findings.rules';
import { ApplicationReview } from './application-review.entity';

/** The partner-application review queue. */
@Injectable()
export class ApplicationReviewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * Queues a submitted application with its automatic findings. Idempotent per application, also
   * when two deliveries of it (e.g. a republished row) are handled at the same moment.
   */
  async intake(em: EntityManager, e: PayloadOf<typeof partnerApplicationSubmitted>): Promise<void> {
    if (await em.existsBy(ApplicationReview, { id: e.applicationId })) return;
    const sameNumber = await em.find(ApplicationReview, { where: { registrationNumber: e.registrationNumber, id: Not(e.applicationId) }, select: { applicantUserId: true, status: true } });
    const earlier = await em.find(ApplicationReview, { where: { applicantUserId: e.applicantUserId }, order: { submittedAt: 'ASC' }, select: { status: true, reason: true } });
    await em.createQueryBuilder().insert().into(ApplicationReview).orIgnore().values({
      id: e.applicationId,
      applicantUserId: e.applicantUserId,
      status: 'PENDING',
      businessName: e.businessName,
      registrationNumber: e.registrationNumber,
      representative: e.representative,
      phone: e.phone,
      email: e.email,
      payoutBank: e.payoutBank,
      payoutAccountLast4: e.payoutAccountLast4,
      attempt: e.attempt,
      findings: applicationFindings({ applicantUserId: e.applicantUserId, registrationNumber: e.registrationNumber, sameNumber, earlier }),
      reason: null,
      submittedAt: new Date(e.submittedAt),
      decidedAt: null,
      decidedBy: null,
    }).execute();
  }

  async list(status: ApplicationStatus | undefined, page: number, size: number): Promise<Page<ApplicationReviewDto>> {
    const [rows, total] = await this.ds.getRepository(ApplicationReview).findAndCount({
      where: status ? { status } : {},
      // Oldest first: applicants waiting longest are reviewed first.
      order: { submittedAt: 'ASC', id: 'ASC' },
      skip: (page - 1) * size,
      take: size,
    });
    return { items: rows.map(toDto), page, size, total };
  }

  /** Approves a pending application; business-service activates the partner from the event. */
  approve(adminId: string, id: string, note?: string): Promise<ApplicationReviewDto> {
    return this.decide(adminId, id, { status: 'APPROVED', note: note ?? null });
  }

  /** Rejects a pending application with a reason the applicant will read. */
  reject(adminId: string, id: string, reason: string): Promise<ApplicationReviewDto> {
    return this.decide(adminId, id, { status: 'REJECTED', reason });
  }

  private decide(adminId: string, id: string, decision: { status: 'APPROVED'; note: string | null } | { status: 'REJECTED'; reason: string }): Promise<ApplicationReviewDto> {
    const { status } = decision;
    const reason = decision.status === 'REJECTED' ? decision.reason : decision.note;
    return this.ds.transaction(async (em) => {
      const review = await em.findOne(ApplicationReview, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw notFound('application');
      if (review.status !== 'PENDING') throw conflict('INVALID_STATE', `the application is already ${review.status.toLowerCase()}`);
      review.status = status;
      review.reason = reason;
      review.decidedAt = new Date();
      review.decidedBy = adminId;
      const saved = await em.save(review);
      const common = { applicationId: id, applicantUserId: review.applicantUserId, reviewerId: adminId, decidedAt: review.decidedAt.toISOString() };
      if (decision.status === 'APPROVED') await this.outbox.add(em, partnerApplicationApproved, { aggregateId: id, aggregateVersion: saved.version, payload: common });
      else await this.outbox.add(em, partnerApplicationRejected, { aggregateId: id, aggregateVersion: saved.version, payload: { ...common, reason: decision.reason } });
      await this.audit.record(em, { actorId: adminId, action: status === 'APPROVED' ? 'partner-application.approve' : 'partner-application.reject', targetType: 'partner-application', targetId: id, details: reason ? { reason } : {} });
      return toDto(saved);
    });
  }
}

function toDto(r: ApplicationReview): ApplicationReviewDto {
  return {
    id: r.id,
    applicantUserId: r.applicantUserId,
    status: r.status,
    businessName: r.businessName,
    registrationNumber: r.registrationNumber,
    representative: r.representative,
    phone: r.phone,
    email: r.email,
    payoutBank: r.payoutBank,
    payoutAccountLast4: r.payoutAccountLast4,
    attempt: r.attempt,
    findings: r.findings,
    reason: r.reason,
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedBy,
  };
}
