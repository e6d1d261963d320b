import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ROUTE_ACCESS, type RouteAccess } from '../../src/access/access.decorators';
import type { TestApp } from './test-app';

export interface RouteRule {
  route: string;
  access: string;
}

/** Every route the app registers, with the access rule it declares (or "UNDECLARED"). */
export function routeRules(testApp: TestApp): RouteRule[] {
  const rules: RouteRule[] = [];
  for (const module of testApp.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = `/api/${[prefix, String(Reflect.getMetadata(PATH_METADATA, handler))].filter((part) => part && part !== '/').join('/')}`;
        const access: RouteAccess | undefined =
          Reflect.getMetadata(ROUTE_ACCESS, handler) ?? Reflect.getMetadata(ROUTE_ACCESS, controller);
        rules.push({
          route: `${method} ${path}`,
          access: describeAccess(access),
        });
      }
    }
  }
  return rules.sort((a, b) => a.route.localeCompare(b.route));
}

function describeAccess(access: RouteAccess | undefined): string {
  if (!access) return 'UNDECLARED';
  if (access.kind === 'permission') return access.permission;
  if (access.kind === 'token-link' || access.kind === 'signed-webhook') {
    const { name, limit, windowSeconds } = access.perIp;
    return `${access.kind}, ${name} ${limit}/${windowSeconds}s`;
  }
  return access.kind;
}
