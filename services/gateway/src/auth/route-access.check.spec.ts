import 'reflect-metadata';
import { Controller, Get, Post } from '@nestjs/common';
import { Public, Roles } from './roles.decorator';
import { routesWithoutAccessDeclaration } from './route-access.check';

@Controller('declared')
class DeclaredController {
  @Get()
  @Roles('manager')
  list() {
    return [];
  }

  @Get('health')
  @Public()
  health() {
    return 'ok';
  }

  helper() {
    return 'not a route';
  }
}

@Controller('forgotten')
class ForgottenController {
  @Post()
  @Roles('sales')
  create() {
    return {};
  }

  @Get()
  list() {
    return [];
  }
}

@Controller('class-level')
@Roles('auditor')
class ClassLevelController {
  @Get()
  read() {
    return [];
  }
}

@Controller('empty-roles')
class EmptyRolesController {
  @Get()
  @Roles()
  read() {
    return [];
  }
}

describe('routesWithoutAccessDeclaration (GW-3 default deny)', () => {
  it('accepts routes with @Roles or @Public, on the method or the class', () => {
    expect(routesWithoutAccessDeclaration([DeclaredController, ClassLevelController])).toEqual([]);
  });

  it('names each route that declares neither', () => {
    expect(routesWithoutAccessDeclaration([ForgottenController, EmptyRolesController])).toEqual([
      'ForgottenController.list',
      'EmptyRolesController.read',
    ]);
  });
});
