import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'roastery:public';

/** Marks a route as open to anonymous callers; every other route requires a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
