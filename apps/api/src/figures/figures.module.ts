import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module.js';
import { FigureDefinitionsController } from './figure-definitions.controller.js';
import { FigureDefinitionsRepository } from './figure-definitions.repository.js';
import { FigureDefinitionsService } from './figure-definitions.service.js';

@Module({
  imports: [SitesModule],
  controllers: [FigureDefinitionsController],
  providers: [FigureDefinitionsRepository, FigureDefinitionsService],
  exports: [FigureDefinitionsService],
})
export class FiguresModule {}
