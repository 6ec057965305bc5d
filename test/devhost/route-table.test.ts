import { describe, expect, it } from 'vitest';

import { RouteTable } from '../../devhost/http/route-table';

function table(prefix: string, routes: [string, string[]][]): RouteTable<string> {
  const result = new RouteTable<string>(prefix);
  for (const [route, methods] of routes) result.add(route, methods, route);
  return result;
}

describe('route table', () => {
  const routes = table('api', [
    ['files/{*path}', ['GET']],
    ['items/{id}', ['GET']],
    ['items/{id:int}', ['GET']],
    ['items/new', ['GET']],
    ['items/{id:int}/parts/{part?}', ['GET']],
    ['docs/{name}.{ext}', ['GET']],
    ['range/{n:range(1,10)}', ['GET']],
    ['code/{c:regex(^[a-z]{{2}}$)}', ['GET']],
  ]);
  const match = (method: string, path: string) => routes.match(method, path);

  it('When a literal and a parameter both match, then the literal wins, whatever the registration order', () => {
    expect(match('GET', '/api/items/new')?.target).toBe('items/new');
  });

  it('When a constrained and an unconstrained parameter both match, then the constrained one wins', () => {
    expect(match('GET', '/api/items/5')).toEqual({ target: 'items/{id:int}', params: { id: '5' } });
    expect(match('GET', '/api/items/x5')).toEqual({ target: 'items/{id}', params: { id: 'x5' } });
  });

  it('When a path is percent-encoded, then parameters are decoded', () => {
    expect(match('GET', '/api/items/a%20b')?.params).toEqual({ id: 'a b' });
  });

  it('When a catch-all route matches, then it captures the rest of the path', () => {
    expect(match('GET', '/api/files/a/b/c.txt')?.params).toEqual({ path: 'a/b/c.txt' });
    expect(match('GET', '/api/files')?.params).toEqual({});
  });

  it('When an optional parameter is absent, then the route still matches without it', () => {
    expect(match('GET', '/api/items/7/parts')?.params).toEqual({ id: '7' });
    expect(match('GET', '/api/items/7/parts/wheel')?.params).toEqual({ id: '7', part: 'wheel' });
  });

  it('When a segment mixes literals and parameters, then each parameter gets its part', () => {
    expect(match('GET', '/api/docs/report.final.pdf')?.params).toEqual({ name: 'report.final', ext: 'pdf' });
  });

  it('When a constraint takes arguments, then values outside it do not match', () => {
    expect(match('GET', '/api/range/10')?.target).toBe('range/{n:range(1,10)}');
    expect(match('GET', '/api/range/11')).toBeUndefined();
  });

  it('When the method is not among the route methods, then nothing matches', () => {
    expect(match('POST', '/api/items/5')).toBeUndefined();
  });

  it('When the prefix is missing or the path is outside it, then nothing matches', () => {
    expect(match('GET', '/items/5')).toBeUndefined();
  });

  it('When the route prefix is empty, then routes match at the root and a literal api/ segment works', () => {
    const root = table('', [
      ['api/health', ['GET']],
      ['{subscriptionId}/services/hostedservices', ['GET']],
    ]);
    expect(root.match('GET', '/api/health')?.target).toBe('api/health');
    expect(root.match('GET', '/sub-1/services/hostedservices')?.params).toEqual({ subscriptionId: 'sub-1' });
  });
});
