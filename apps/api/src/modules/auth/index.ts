import './auth.types.js';
import { AuthResolver } from './auth.resolver.js';

export const authResolvers = [AuthResolver];
