import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '#auth';
import { FieldCipher } from '#platform';
import { CaseAccess } from '../access/case-access';
import { CaseChanges } from '../access/case-changes';
import { PRACTITIONERS } from '../access/roles';
import type { AddNoteDto, NoteView } from './dto/note.dto';
import { NoteEntity } from './note.entity';

/** Case notes for the case's facilitators and managers; coordinators run logistics, not notes. */
@Injectable()
export class NotesService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly access: CaseAccess,
    private readonly cipher: FieldCipher,
  ) {}

  add(principal: Principal, caseId: string, dto: AddNoteDto): Promise<NoteView> {
    return this.changes.apply(principal, caseId, PRACTITIONERS, async (tx) => {
      const id = randomUUID();
      const note: NoteEntity = {
        id,
        caseId,
        authorUserId: principal.userId,
        bodyCiphertext: this.cipher.encrypt(dto.body, `note:${id}:body`),
        createdAt: new Date(),
      };
      await tx.manager.insert(NoteEntity, note);
      await tx.audit('create', 'note', id);
      return this.toView(note);
    });
  }

  async list(principal: Principal, caseId: string): Promise<NoteView[]> {
    const rows = await this.access.rowsOf(principal, caseId, 'notes', NoteEntity, { createdAt: 'ASC', id: 'ASC' }, PRACTITIONERS);
    return rows.map((row) => this.toView(row));
  }

  private toView(note: NoteEntity): NoteView {
    return {
      id: note.id,
      authorUserId: note.authorUserId,
      body: this.cipher.decrypt(note.bodyCiphertext, `note:${note.id}:body`),
      createdAt: note.createdAt.toISOString(),
    };
  }
}
