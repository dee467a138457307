import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module.js';
import { BoardsController } from './boards.controller.js';
import { BoardsRepository } from './boards.repository.js';

@Module({
  imports: [SitesModule],
  controllers: [BoardsController],
  providers: [BoardsRepository],
})
export class BoardsModule {}
