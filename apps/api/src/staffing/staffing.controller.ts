import { BadRequestException, Controller, Get, Module, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { agentsFor, erlangA, erlangC, type StaffingResult } from '@vigie/domain';
import { Roles } from '../auth/roles.js';

type Params = Record<string, string | undefined>;

/** A query value as a number; absent or non-numeric becomes NaN, which the domain refuses by name. */
const num = (q: Params, name: string): number => (q[name] === undefined || q[name] === '' ? NaN : Number(q[name]));

function unwrap<T>(result: StaffingResult<T>): T {
  if (result.ok) {
    return result.value;
  }
  const { parameter, message, limit } = result.error;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message,
    details: [{ field: parameter, reason: message, ...(limit !== undefined ? { limit } : {}) }],
  });
}

/** Queueing maths (docs/staffing.md): Erlang C, Erlang A and the agents needed for a service level. */
@ApiTags('staffing')
@ApiBearerAuth()
@Controller('api/v1/staffing')
export class StaffingController {
  @Get('erlang-c')
  @Roles('hr', 'supervisor', 'vigie', 'agent')
  @ApiOperation({ summary: 'Erlang C: probability of waiting, service level, ASA, occupancy' })
  erlangC(@Query() q: Params) {
    return unwrap(
      erlangC({
        callsPerHour: num(q, 'callsPerHour'),
        ahtSec: num(q, 'ahtSec'),
        agents: num(q, 'agents'),
        targetSec: num(q, 'targetSec'),
      }),
    );
  }

  @Get('erlang-a')
  @Roles('hr', 'supervisor', 'vigie', 'agent')
  @ApiOperation({ summary: 'Erlang A (with caller patience): adds the probability of abandoning' })
  erlangA(@Query() q: Params) {
    return unwrap(
      erlangA({
        callsPerHour: num(q, 'callsPerHour'),
        ahtSec: num(q, 'ahtSec'),
        agents: num(q, 'agents'),
        targetSec: num(q, 'targetSec'),
        patienceSec: num(q, 'patienceSec'),
      }),
    );
  }

  @Get('agents')
  @Roles('hr', 'supervisor', 'vigie', 'agent')
  @ApiOperation({ summary: 'The fewest agents reaching a service level (Erlang C)' })
  agents(@Query() q: Params) {
    return unwrap(
      agentsFor({
        callsPerHour: num(q, 'callsPerHour'),
        ahtSec: num(q, 'ahtSec'),
        targetSec: num(q, 'targetSec'),
        serviceLevel: num(q, 'serviceLevel'),
      }),
    );
  }
}

@Module({ controllers: [StaffingController] })
export class StaffingModule {}
