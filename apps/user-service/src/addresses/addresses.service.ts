import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AddressDto, type CreateAddressBody, MAX_ADDRESSES_PER_ACCOUNT, type Page, type PageQuery, type shipToSchema } from '@roastery/contracts';
import { notFound, unprocessable } from '@roastery/http';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { lockAccount } from '../accounts/account-lock';
import { Address } from './address.entity';

/** The copy of an address an order keeps (`shipTo` of `order.paid`). */
export type ShipTo = z.infer<typeof shipToSchema>;

// Default first, then newest: the order the list shows and the order a new default is picked in.
const LIST_ORDER = { isDefault: 'DESC', createdAt: 'DESC', id: 'DESC' } as const;

/**
 * A subscriber's shipping addresses: at most ten, exactly one default while any exist. Every write
 * locks the account row first, so concurrent requests of one account cannot exceed the limit or
 * leave two defaults (the partial unique index backs the latter up).
 */
@Injectable()
export class AddressesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The account's addresses, default first, then newest. */
  async list(accountId: string, q: PageQuery): Promise<Page<AddressDto>> {
    const [rows, total] = await this.ds.getRepository(Address).findAndCount({ where: { accountId }, order: LIST_ORDER, skip: (q.page - 1) * q.size, take: q.size });
    return { items: rows.map(toAddressDto), page: q.page, size: q.size, total };
  }

  /** One of the account's addresses; 404 for any other id. */
  get(accountId: string, addressId: string): Promise<AddressDto> {
    return this.findOwned(accountId, addressId);
  }

  /**
   * For other features (subscriptions, checkout): the caller's own address, read with `em` when
   * given (inside the caller's transaction). Throws a 404 ApiException when the id is not one of
   * the account's addresses.
   */
  async findOwned(accountId: string, addressId: string, em: EntityManager = this.ds.manager): Promise<AddressDto> {
    return toAddressDto(await this.owned(em, accountId, addressId));
  }

  /** Like findOwned, shaped as the ship-to an order copies. */
  async shipToOf(accountId: string, addressId: string, em: EntityManager = this.ds.manager): Promise<ShipTo> {
    const a = await this.owned(em, accountId, addressId);
    return { recipient: a.recipient, phone: a.phone, postalCode: a.postalCode, line1: a.line1, line2: a.line2 };
  }

  /** Saves a new address; the first one, or one asked to be, becomes the default. 422 past the limit. */
  create(accountId: string, body: CreateAddressBody): Promise<AddressDto> {
    return this.ds.transaction(async (em) => {
      await lockAccount(em, accountId);
      const count = await em.count(Address, { where: { accountId } });
      if (count >= MAX_ADDRESSES_PER_ACCOUNT) {
        throw unprocessable('INVALID_STATE', `an account keeps at most ${MAX_ADDRESSES_PER_ACCOUNT} addresses`, { max: MAX_ADDRESSES_PER_ACCOUNT });
      }
      const isDefault = count === 0 || body.isDefault === true;
      if (isDefault) await em.update(Address, { accountId, isDefault: true }, { isDefault: false });
      const address = em.create(Address, {
        id: uuidv7(),
        accountId,
        label: body.label,
        recipient: body.recipient,
        phone: body.phone,
        postalCode: body.postalCode,
        line1: body.line1,
        line2: body.line2,
        isDefault,
      });
      return toAddressDto(await em.save(address));
    });
  }

  /** Makes one of the account's addresses the default (the previous default stops being one). */
  setDefault(accountId: string, addressId: string): Promise<AddressDto> {
    return this.ds.transaction(async (em) => {
      await lockAccount(em, accountId);
      const address = await this.owned(em, accountId, addressId);
      if (!address.isDefault) {
        await em.update(Address, { accountId, isDefault: true }, { isDefault: false });
        await em.update(Address, { id: address.id }, { isDefault: true });
        address.isDefault = true;
      }
      return toAddressDto(address);
    });
  }

  /** Deletes one of the account's addresses; when it was the default, the newest other one becomes it. */
  remove(accountId: string, addressId: string): Promise<void> {
    return this.ds.transaction(async (em) => {
      await lockAccount(em, accountId);
      const address = await this.owned(em, accountId, addressId);
      await em.delete(Address, { id: address.id });
      if (!address.isDefault) return;
      const next = await em.findOne(Address, { where: { accountId }, order: { createdAt: 'DESC', id: 'DESC' } });
      if (next) await em.update(Address, { id: next.id }, { isDefault: true });
    });
  }

  /** Account deletion: removes every address of the account (their personal data goes with them). */
  async eraseAllOf(em: EntityManager, accountId: string): Promise<void> {
    await em.delete(Address, { accountId });
  }

  private async owned(em: EntityManager, accountId: string, addressId: string): Promise<Address> {
    // A malformed id names no address; asking PostgreSQL would be a cast error, not a 404.
    const address = UUID.test(addressId) ? await em.findOne(Address, { where: { id: addressId, accountId } }) : null;
    if (!address) throw notFound('address');
    return address;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toAddressDto(a: Address): AddressDto {
  return {
    id: a.id,
    label: a.label,
    recipient: a.recipient,
    phone: a.phone,
    postalCode: a.postalCode,
    line1: a.line1,
    line2: a.line2,
    isDefault: a.isDefault,
    createdAt: a.createdAt.toISOString(),
  };
}
